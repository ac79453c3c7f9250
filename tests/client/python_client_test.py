"""Tests of the Python client (client/python) against a live attache-server.

Environment (set by ctest): ATTACHE_SERVER, and PYTHONPATH with the stubs
generated at build time and client/python/src.
"""

import datetime
import pathlib
import subprocess
import sys
import unittest

import grpc

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from live_server import LiveServer, required_env, unused_target  # noqa: E402

from attache_client import (AttacheError, Client, Contact,  # noqa: E402
                            make_article, to_json)

HERE = pathlib.Path(__file__).parent
MEETING = (HERE / "fixtures/articles/meeting.txt").read_text(encoding="utf-8")
EXAMPLE = HERE.parents[1] / "client/python/examples/extract_example.py"


class PythonClientTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        cls.server = LiveServer(required_env("ATTACHE_SERVER")).__enter__()
        cls.client = Client(cls.server.target, deadline=30)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.server.__exit__(None, None, None)

    def test_extract_returns_typed_contacts(self):
        contacts = self.client.extract(MEETING)
        self.assertGreater(len(contacts), 0)
        for contact in contacts:
            self.assertIsInstance(contact, Contact)
            self.assertGreaterEqual(len(contact.participants), 2)
            self.assertTrue(contact.evidence[0].sentence)

    def test_extract_with_summary_and_article_fields(self):
        article = make_article(
            MEETING, title="Spain and Morocco talk migration",
            article_id="py-1",
            published=datetime.datetime(2024, 2, 5,
                                        tzinfo=datetime.timezone.utc))
        result = self.client.extract_with_summary(article)
        self.assertEqual(result.summary.article_id, "py-1")
        self.assertEqual(result.summary.contact_count, len(result.contacts))
        self.assertTrue(all(c.article_id == "py-1" for c in result.contacts))
        # The publication date resolves "Monday" to a day.
        days = {(c.time.start.year, c.time.start.month, c.time.start.day)
                for c in result.contacts}
        self.assertIn((2024, 2, 5), days)
        self.assertTrue(to_json(result.summary).startswith("{"))

    def test_empty_article_is_rejected_with_the_target(self):
        with self.assertRaises(AttacheError) as raised:
            self.client.extract("")
        self.assertEqual(raised.exception.code,
                         grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn(f"{self.server.target} rejected the request",
                      str(raised.exception))

    def test_stream_answers_every_article(self):
        articles = [make_article(MEETING, article_id=f"m{i}")
                    for i in range(6)]
        articles.append(make_article("", article_id="empty"))
        results = {r.article_id: r
                   for r in self.client.stream(articles, max_in_flight=2)}
        self.assertEqual(sorted(results),
                         ["empty", "m0", "m1", "m2", "m3", "m4", "m5"])
        self.assertEqual(results["empty"].error.code,
                         grpc.StatusCode.INVALID_ARGUMENT.value[0])
        self.assertGreater(len(results["m3"].contacts), 0)
        # Same text, same contacts (their ids include the article's).
        def shape(result):
            return [(c.kind, c.status, [e.sentence for e in c.evidence])
                    for c in result.contacts]
        self.assertEqual(shape(results["m3"]), shape(results["m0"]))

    def test_stream_in_batches_answers_every_article_once(self):
        articles = [make_article(MEETING, article_id=f"b{i}")
                    for i in range(7)]
        articles.insert(3, make_article("", article_id="empty"))
        single = {r.article_id: r for r in self.client.stream(articles)}
        batched = list(self.client.stream(articles, batch_size=3,
                                          max_in_flight=1))
        self.assertEqual(sorted(r.article_id for r in batched),
                         sorted(single))
        for result in batched:
            self.assertEqual(len(result.results), 0)
            self.assertEqual(result.error, single[result.article_id].error)
            self.assertEqual(len(result.contacts),
                             len(single[result.article_id].contacts))
        with self.assertRaises(ValueError):
            next(self.client.stream(articles, batch_size=0))

    def test_stream_cuts_batches_that_would_outgrow_a_message(self):
        # Five articles of 900 KB would make one request over 4 MiB.
        body = MEETING * (900_000 // len(MEETING))
        articles = [make_article(body, article_id=f"big{i}") for i in range(5)]
        results = list(self.client.stream(articles, batch_size=5))
        self.assertEqual(sorted(r.article_id for r in results),
                         [f"big{i}" for i in range(5)])
        self.assertFalse(any(r.HasField("error") for r in results))

    def test_stream_can_be_abandoned(self):
        endless = (make_article(MEETING, article_id=f"e{i}")
                   for i in range(10**6))
        results = self.client.stream(endless, max_in_flight=4)
        self.assertTrue(next(results).article_id.startswith("e"))
        results.close()  # cancels the call; the generator must not hang
        self.assertEqual(self.client.health(), "SERVING")

    def test_health_and_server_info(self):
        self.assertEqual(self.client.health(), "SERVING")
        self.assertEqual(self.client.health("attache.v1.ExtractionService"),
                         "SERVING")
        with self.assertRaises(AttacheError) as raised:
            self.client.health("no.such.Service")
        self.assertEqual(raised.exception.code, grpc.StatusCode.NOT_FOUND)
        info = self.client.server_info()
        self.assertTrue(info.server_version)
        self.assertGreater(info.knowledge_base.person_count, 0)

    def test_server_down_says_what_to_check(self):
        target = unused_target()
        with Client(target, max_attempts=2) as client:
            with self.assertRaises(AttacheError) as raised:
                client.health()
        self.assertEqual(raised.exception.code, grpc.StatusCode.UNAVAILABLE)
        self.assertIn(f"server unavailable at {target} — is attache-server "
                      "running?", str(raised.exception))

    def test_deadline(self):
        long_article = ("The foreign ministers of Chile and Peru met in Lima "
                        "on Friday to discuss border trade. ") * 4000
        with Client(self.server.target, deadline=0.001) as client:
            with self.assertRaises(AttacheError) as raised:
                client.extract(long_article)
        self.assertEqual(raised.exception.code,
                         grpc.StatusCode.DEADLINE_EXCEEDED)

    def test_options_are_checked(self):
        with self.assertRaises(ValueError):
            Client(self.server.target, max_attempts=0)
        with self.assertRaises(ValueError):
            next(self.client.stream(["text"], max_in_flight=0))

    def test_example_script(self):
        run = subprocess.run(
            [sys.executable, str(EXAMPLE), "--target", self.server.target,
             "--published", "2024-02-05",
             str(HERE / "fixtures/articles/meeting.txt")],
            capture_output=True, text=True, timeout=120, check=False)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("server health: SERVING", run.stdout)
        self.assertRegex(run.stdout, r"\d+ contacts in \d+ sentences")


if __name__ == "__main__":
    unittest.main()
