"""Tests of the `attache` CLI against a live attache-server.

Outputs are compared with golden files in golden/: the table as printed,
JSON lines after normalisation (timings and version digests, which change
with every run or knowledge-base edit, are replaced by placeholders). After
an intended change of the engine's output, regenerate them with
ATTACHE_UPDATE_GOLDEN=1 and review the diff.

Environment (set by ctest): ATTACHE_CLI, ATTACHE_SERVER.
"""

import json
import os
import pathlib
import re
import pty
import subprocess
import sys
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from live_server import LiveServer, required_env, unused_target  # noqa: E402

HERE = pathlib.Path(__file__).parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
UPDATE_GOLDEN = os.environ.get("ATTACHE_UPDATE_GOLDEN") == "1"

# Fields whose values vary between runs or data versions, and what replaces
# them in golden files.
VOLATILE_FIELDS = {
    "extractionDuration": "<duration>",
    "knowledgeBaseVersion": "<kb-version>",
    "engineVersion": "<engine-version>",
    # Engine internals that change as its rules improve.
    "confidence": "<confidence>",
    "mentionCount": "<mentions>",
}


def normalise(value):
    if isinstance(value, dict):
        return {key: VOLATILE_FIELDS.get(key, normalise(item))
                for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    return value


def normalised_json_lines(text: str, sort_key=None) -> str:
    objects = [normalise(json.loads(line)) for line in text.splitlines()]
    if sort_key:
        objects.sort(key=sort_key)
    return "".join(json.dumps(o, ensure_ascii=False, sort_keys=True) + "\n"
                   for o in objects)


class CliTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        cls.cli = required_env("ATTACHE_CLI")
        cls.server = LiveServer(required_env("ATTACHE_SERVER")).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def attache(self, *args, target=None, stdin=None):
        return subprocess.run(
            [self.cli, f"--target={target or self.server.target}", *args],
            input=stdin, capture_output=True, text=True, timeout=120,
            check=False)

    def assert_golden(self, name: str, actual: str):
        path = GOLDEN / name
        if UPDATE_GOLDEN:
            path.write_text(actual, encoding="utf-8")
        self.assertEqual(path.read_text(encoding="utf-8"), actual,
                         f"differs from {path}")

    # Output formats.

    def test_extract_table(self):
        run = self.attache("extract", str(FIXTURES / "articles/meeting.txt"),
                           "--published=2024-02-05", "--id=meeting",
                           "--title=Spain and Morocco talk migration")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assert_golden("extract_meeting.table.txt",
                           re.sub(r"\d+ mentions", "<n> mentions", run.stdout))
        # Off a terminal the table is laid out for 80 columns; with these
        # wide rows the evidence goes on lines of its own, cut to fit.
        evidence = [line for line in run.stdout.splitlines()
                    if line.startswith("    ")]
        self.assertEqual(len(evidence), 2, run.stdout)
        for line in evidence:
            self.assertLessEqual(len(line), 80, line)

    def test_extract_json_from_a_json_article(self):
        run = self.attache("extract", "--json",
                           str(FIXTURES / "articles/call.json"))
        self.assertEqual(run.returncode, 0, run.stderr)
        lines = [json.loads(line) for line in run.stdout.splitlines()]
        self.assertIn("summary", lines[-1])
        self.assertTrue(all("contact" in line for line in lines[:-1]))
        self.assert_golden("extract_call.jsonl",
                           normalised_json_lines(run.stdout))

    def test_extract_reads_stdin(self):
        text = (FIXTURES / "articles/meeting.txt").read_text(encoding="utf-8")
        from_stdin = self.attache("extract", "--json", "--id=m", "-",
                                  stdin=text)
        from_file = self.attache("extract", "--json", "--id=m",
                                 str(FIXTURES / "articles/meeting.txt"))
        self.assertEqual(from_stdin.returncode, 0, from_stdin.stderr)
        self.assertEqual(normalised_json_lines(from_stdin.stdout),
                         normalised_json_lines(from_file.stdout))

    def test_extract_without_contacts(self):
        run = self.attache("extract", str(FIXTURES / "articles/weather.txt"),
                           "--id=weather")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(run.stdout.splitlines()[-1],
                         "0 contacts in 2 sentences, 0 mentions "
                         "(article weather)")

    def test_stream_jsonl(self):
        # One article per request, then two (the last batch is partial):
        # the same lines either way.
        for flags in ([], ["--batch=2"]):
            with self.subTest(flags=flags):
                run = self.attache("stream", *flags,
                                   str(FIXTURES / "batch.jsonl"))
                # The empty article fails on its own; the others go through.
                self.assertEqual(run.returncode, 8, run.stderr)
                self.assertIn("3 articles", run.stderr)
                self.assertIn("1 failed", run.stderr)
                self.assert_golden(
                    "stream_batch.jsonl",
                    normalised_json_lines(run.stdout,
                                          sort_key=lambda o: o["articleId"]))

    def test_stream_cuts_batches_that_would_outgrow_a_message(self):
        # Five articles of 900 KB: one request of all five would pass the
        # server's 4 MiB message limit and end the call.
        sentence = "The envoy of Chile met the envoy of Peru in Lima. "
        body = sentence * (900_000 // len(sentence))
        lines = "".join(json.dumps({"id": f"big-{i}", "body": body}) + "\n"
                        for i in range(5))
        run = self.attache("stream", "--batch=5", "-", stdin=lines)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("5 articles", run.stderr)
        self.assertIn("0 failed", run.stderr)

    def test_stream_refuses_an_empty_batch(self):
        run = self.attache("stream", "--batch=0",
                           str(FIXTURES / "batch.jsonl"))
        self.assertEqual(run.returncode, 1)
        self.assertIn("--batch must be at least 1", run.stderr)

    def test_stream_directory_uses_file_names_as_ids(self):
        run = self.attache("stream", "--max_in_flight=1",
                           str(FIXTURES / "articles"))
        self.assertEqual(run.returncode, 0, run.stderr)
        ids = sorted(json.loads(line)["articleId"]
                     for line in run.stdout.splitlines())
        self.assertEqual(ids, ["call-1", "meeting.txt", "weather.txt"])

    def test_stream_progress_only_on_a_terminal(self):
        quiet = self.attache("stream", str(FIXTURES / "articles"))
        self.assertNotIn("articles/s\x1b[K", quiet.stderr)

        controller, terminal = pty.openpty()
        with subprocess.Popen(
                [self.cli, f"--target={self.server.target}", "stream",
                 str(FIXTURES / "articles")],
                stdout=subprocess.PIPE, stderr=terminal, text=True) as run:
            os.close(terminal)
            stdout, _ = run.communicate(timeout=120)
        progress = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            progress += chunk
        os.close(controller)
        self.assertEqual(run.returncode, 0)
        self.assertIn(b"3/3 100%", progress)
        self.assertIn(b"articles/s", progress)
        # Results stay clean JSON lines on stdout.
        self.assertEqual(len([json.loads(line)
                              for line in stdout.splitlines()]), 3)

    def test_health(self):
        run = self.attache("health")
        self.assertEqual((run.returncode, run.stdout), (0, "SERVING\n"))
        run = self.attache("health", "--json", "attache.v1.ExtractionService")
        self.assertEqual((run.returncode, json.loads(run.stdout)),
                         (0, {"status": "SERVING"}))

    def test_version(self):
        run = self.attache("version")
        self.assertEqual(run.returncode, 0, run.stderr)
        lines = run.stdout.splitlines()
        self.assertEqual(lines[0], "attache 0.1.0")
        self.assertTrue(lines[1].startswith("server          attache-server "))
        self.assertIn(f" at {self.server.target}, started ", lines[1])
        self.assertTrue(lines[3].startswith("knowledge base  "))
        info = json.loads(self.attache("version", "--json").stdout)
        self.assertEqual(info["clientVersion"], "0.1.0")
        self.assertGreater(info["server"]["knowledgeBase"]["personCount"], 0)

    # Exit codes.

    def test_usage_errors_exit_1(self):
        for args in ([], ["frobnicate"], ["extract"], ["health", "a", "b"],
                     ["extract", "x.txt", "--published=yesterday"]):
            with self.subTest(args=args):
                run = self.attache(*args)
                self.assertEqual(run.returncode, 1, run.stderr)
                self.assertTrue(run.stderr.startswith("attache: "))

    def test_help_lists_commands_and_exit_codes(self):
        run = subprocess.run([self.cli, "--help"], capture_output=True,
                             text=True, check=False)
        for text in ("extract FILE|-", "stream DIR|FILE.jsonl|-",
                     "health [SERVICE]", "version", "Exit codes:",
                     "3  server unavailable", "--target", "--deadline",
                     "--tls", "--ca_file", "--token"):
            self.assertIn(text, run.stdout)

    def test_unreadable_or_invalid_input_exits_2(self):
        for args in (["extract", str(FIXTURES / "missing.txt")],
                     ["extract", str(FIXTURES / "not-an-article.json")],
                     ["extract", str(FIXTURES)],
                     ["stream", str(FIXTURES / "missing.jsonl")],
                     ["stream", str(FIXTURES / "articles/meeting.txt")]):
            with self.subTest(args=args):
                run = self.attache(*args)
                self.assertEqual(run.returncode, 2, run.stderr)

    def test_server_down_exits_3(self):
        target = unused_target()
        for args in (["health"], ["version"], ["stream", str(FIXTURES / "batch.jsonl")],
                     ["extract", str(FIXTURES / "articles/weather.txt")]):
            with self.subTest(args=args):
                run = self.attache(*args, target=target)
                self.assertEqual(run.returncode, 3, run.stderr)
                self.assertIn(f"server unavailable at {target} — is "
                              "attache-server running?", run.stderr)

    def test_deadline_exits_4(self):
        sentence = ("The foreign ministers of Chile and Peru met in Lima on "
                    "Friday to discuss border trade. ")
        run = self.attache("extract", "--deadline=1ms", "-",
                           stdin=sentence * 4000)
        self.assertEqual(run.returncode, 4, run.stderr)
        self.assertIn("before the deadline", run.stderr)

    def test_rejected_request_exits_5(self):
        run = self.attache("extract", "-", stdin="")
        self.assertEqual(run.returncode, 5, run.stderr)
        self.assertIn("rejected the request", run.stderr)
        run = self.attache("health", "no.such.Service")
        self.assertEqual(run.returncode, 5, run.stderr)


if __name__ == "__main__":
    unittest.main()
