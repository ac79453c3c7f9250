"""Python client of Attaché: extracts diplomatic contacts from news articles
through an attache-server.

    from attache_client import Client
    with Client("localhost:50051") as client:
        for contact in client.extract("The two ministers met in Oslo."):
            print(contact.kind, [p.actor.name for p in contact.participants])
"""

from attache_client.client import (Article, AttacheError, Client, Contact,
                                   Extraction, ExtractionSummary, ServerInfo,
                                   StreamExtractResponse, make_article,
                                   to_json)

__all__ = [
    "Article", "AttacheError", "Client", "Contact", "Extraction",
    "ExtractionSummary", "ServerInfo", "StreamExtractResponse",
    "make_article", "to_json",
]
