#!/usr/bin/python3
"""Extracts the contacts of an article with attache_client and prints them.

    PYTHONPATH=build/client/python/gen:client/python/src \
        /usr/bin/python3 client/python/examples/extract_example.py \
        --target localhost:50051 article.txt
"""

import argparse
import datetime
import sys

from attache_client import AttacheError, Client, make_article


def describe(contact) -> str:
    sides = "; ".join(
        participant.actor.name or participant.actor.mention
        for participant in contact.participants)
    kind = contact.DESCRIPTOR.fields_by_name["kind"].enum_type \
        .values_by_number[contact.kind].name
    return f"{kind.removeprefix('CONTACT_KIND_').lower()}: {sides}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="article as plain text")
    parser.add_argument("--target", default="localhost:50051")
    parser.add_argument("--published", help="publication date, YYYY-MM-DD")
    args = parser.parse_args()

    with open(args.file, encoding="utf-8") as text:
        published = None
        if args.published:
            published = datetime.datetime.fromisoformat(args.published) \
                .replace(tzinfo=datetime.timezone.utc)
        article = make_article(text.read(), published=published)
    with Client(args.target) as client:
        try:
            print(f"server health: {client.health()}")
            result = client.extract_with_summary(article)
        except AttacheError as error:
            print(f"extract_example: {error}", file=sys.stderr)
            return 1
    for contact in result.contacts:
        print(describe(contact))
    print(f"{result.summary.contact_count} contacts in "
          f"{result.summary.sentence_count} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
