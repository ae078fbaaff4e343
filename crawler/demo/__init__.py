"""The bundled demo: fixture news sites served on 127.0.0.1, and a crawl of them."""
