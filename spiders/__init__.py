"""presswarc spiders: thin routers over sources data."""
