"""Scrapy glue for presswarc: the only package that knows Scrapy and `archive`."""
