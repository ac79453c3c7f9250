"""Tests attache-server as a separate process through Python gRPC stubs.

The stubs are generated from proto/ during the build (see CMakeLists.txt) with
Debian's python3-grpc-tools; PYTHONPATH points at them. The server binary comes
from ATTACHE_SERVER. Each test starts its own server on a free port.
"""

import itertools
import os
import re
import signal
import subprocess
import threading
import time
import unittest

import grpc
from attache.v1 import admin_service_pb2
from attache.v1 import admin_service_pb2_grpc
from attache.v1 import article_pb2
from attache.v1 import extraction_service_pb2 as extraction
from attache.v1 import extraction_service_pb2_grpc as extraction_grpc

SERVER = os.environ["ATTACHE_SERVER"]

BODY = (
    "Canadian Foreign Minister Melanie Joly met German Foreign Minister "
    "Annalena Baerbock in Ottawa on Monday to discuss Arctic security. "
    "Baerbock later spoke by telephone with Australian Foreign Minister "
    "Penny Wong. Joly plans to visit Canberra in the spring, her office said."
)


def article(article_id, body=BODY):
    result = article_pb2.Article(id=article_id, title="Joly hosts Baerbock", body=body)
    result.published_time.FromSeconds(1688342400)  # 2023-07-03
    return result


def many_meetings_body():
    """An article of 128 meetings between distinct invented ministers: its
    StreamExtract response is large, so unread responses fill the client's
    flow-control window quickly."""
    names = [f"{first} {last}" for first, last in itertools.product(
        ["Ana", "Ivo", "Lena", "Marek", "Sofia", "Tomas", "Nadia", "Piotr",
         "Elsa", "Karel", "Rosa", "Jonas", "Mira", "Aron", "Vera", "Oskar"],
        ["Ruiz", "Kral", "Berg", "Novak", "Lind", "Horak", "Salo", "Dvorak",
         "Moreau", "Falk", "Quint", "Varga", "Sandor", "Petrov", "Ilves", "Tamm"])]
    states = ["Spain's", "Czech", "Norway's", "Poland's", "Finland's",
              "Austria's", "Chile's", "Peru's"]
    return " ".join(
        f"{states[i % 8]} Foreign Minister {names[i]} met {states[(i + 3) % 8]} "
        f"Foreign Minister {names[i + 1]} on Monday."
        for i in range(0, len(names), 2))


def health_status(channel, service):
    """grpc.health.v1 Check without generated code: field 1 in, field 1 out."""
    name = service.encode()
    check = channel.unary_unary("/grpc.health.v1.Health/Check")
    response = check(b"\x0a" + bytes([len(name)]) + name, timeout=5)
    return response[1] if len(response) >= 2 else 0  # 1 SERVING, 2 NOT_SERVING


class ServerProcess:
    """attache-server on a free loopback port, with its stderr collected."""

    def __init__(self, *flags):
        self.process = subprocess.Popen(
            [SERVER, "--listen=127.0.0.1:0", "--metrics_listen=",
             "--store_url=", "--workers=2", "--shutdown_grace=10s", *flags],
            stderr=subprocess.PIPE, text=True)
        self.lines = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        line = self.wait_for_line(r"event=serving")
        self.port = int(re.search(r"port=(\d+)", line).group(1))
        self.channel = grpc.insecure_channel(f"127.0.0.1:{self.port}")
        self.extraction = extraction_grpc.ExtractionServiceStub(self.channel)
        self.admin = admin_service_pb2_grpc.AdminServiceStub(self.channel)

    def _read(self):
        for line in self.process.stderr:
            with self._lock:
                self.lines.append(line)

    def wait_for_line(self, pattern, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for line in self.lines:
                    if re.search(pattern, line):
                        return line
            if self.process.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.01)
        raise AssertionError(f"no log line matching {pattern!r} in {self.lines}")

    def rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        self.channel.close()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)


class ServerTest(unittest.TestCase):
    def start(self, *flags):
        server = ServerProcess(*flags)
        self.addCleanup(server.stop)
        return server

    def test_extract_contacts_streams_contacts_then_summary(self):
        server = self.start()
        responses = list(server.extraction.ExtractContacts(
            extraction.ExtractContactsRequest(article=article("py-1")), timeout=30))
        self.assertGreaterEqual(len(responses), 2)
        self.assertEqual(responses[-1].WhichOneof("result"), "summary")
        summary = responses[-1].summary
        self.assertEqual(summary.article_id, "py-1")
        self.assertEqual(summary.contact_count, len(responses) - 1)
        for response in responses[:-1]:
            self.assertEqual(response.WhichOneof("result"), "contact")
            self.assertEqual(response.contact.article_id, "py-1")
            self.assertGreaterEqual(len(response.contact.participants), 2)
        # One structured log line for the call.
        line = server.wait_for_line(r"event=rpc method=ExtractContacts")
        for key in ("peer=", "code=OK", "duration_ms=", "articles=1"):
            self.assertIn(key, line)

    def test_errors_name_the_problem(self):
        server = self.start("--max_article_bytes=2048")
        cases = [
            (article("empty", body=""), grpc.StatusCode.INVALID_ARGUMENT, "article.body is empty"),
            (article("big", body="Talks went on. " * 200), grpc.StatusCode.RESOURCE_EXHAUSTED,
             "limit of 2048 bytes"),
        ]
        for bad, code, message in cases:
            with self.assertRaises(grpc.RpcError) as raised:
                list(server.extraction.ExtractContacts(
                    extraction.ExtractContactsRequest(article=bad), timeout=30))
            self.assertEqual(raised.exception.code(), code)
            self.assertIn(message, raised.exception.details())

    def test_stream_extract_correlates_results_and_reports_errors(self):
        server = self.start()
        requests = [extraction.StreamExtractRequest(article=article(f"s-{i}")) for i in range(10)]
        requests.append(extraction.StreamExtractRequest(article=article("s-empty", body=" ")))
        results = {r.article_id: r for r in server.extraction.StreamExtract(iter(requests), timeout=60)}
        self.assertEqual(set(results), {f"s-{i}" for i in range(10)} | {"s-empty"})
        self.assertEqual(results["s-empty"].error.code, grpc.StatusCode.INVALID_ARGUMENT.value[0])
        for i in range(10):
            self.assertFalse(results[f"s-{i}"].HasField("error"))
            self.assertGreater(len(results[f"s-{i}"].contacts), 0)

    def test_sighup_reloads_the_knowledge_base(self):
        server = self.start()
        before = server.admin.GetServerInfo(admin_service_pb2.GetServerInfoRequest(), timeout=5)
        self.assertEqual(before.knowledge_base.source, "embedded")
        server.process.send_signal(signal.SIGHUP)
        server.wait_for_line(r"event=kb_reloaded")
        after = server.admin.GetServerInfo(admin_service_pb2.GetServerInfoRequest(), timeout=5)
        self.assertGreater(after.knowledge_base.load_time.ToNanoseconds(),
                           before.knowledge_base.load_time.ToNanoseconds())
        self.assertEqual(after.knowledge_base.version, before.knowledge_base.version)

    def test_sigterm_drains_the_stream_under_way_and_exits_zero(self):
        server = self.start()
        self.assertEqual(health_status(server.channel, "attache.v1.ExtractionService"), 1)
        gate = threading.Event()

        def requests():
            yield extraction.StreamExtractRequest(article=article("d-1"))
            gate.wait(30)  # hold the stream open across the SIGTERM
            yield extraction.StreamExtractRequest(article=article("d-2"))

        call = server.extraction.StreamExtract(requests(), timeout=60)
        first = next(call)
        self.assertEqual(first.article_id, "d-1")
        server.process.send_signal(signal.SIGTERM)
        server.wait_for_line(r"event=draining")
        self.assertEqual(health_status(server.channel, "attache.v1.ExtractionService"), 2)
        gate.set()
        rest = [r.article_id for r in call]
        self.assertEqual(rest, ["d-2"])
        self.assertEqual(call.code(), grpc.StatusCode.OK)
        self.assertEqual(server.process.wait(timeout=30), 0)
        server.wait_for_line(r"event=stopped drained=true")

    def test_server_memory_stays_bounded_when_the_client_never_reads(self):
        server = self.start("--workers=1", "--stream_window=4")
        # Each article yields about 126 contacts: responses outweigh requests,
        # so the server must stop reading once it cannot write.
        body = many_meetings_body()
        sent = 0
        total = 1000

        def flood():
            nonlocal sent
            for i in range(total):
                yield extraction.StreamExtractRequest(article=article(f"f-{i}", body=body))
                sent += 1

        baseline = server.rss_kib()
        call = server.extraction.StreamExtract(flood(), timeout=60)  # never read
        peak = baseline
        end = time.monotonic() + 4
        while time.monotonic() < end:
            peak = max(peak, server.rss_kib())
            time.sleep(0.02)
        call.cancel()
        growth_mib = (peak - baseline) / 1024
        offered_mib = sent * len(body) / (1 << 20)
        print(f"\nback-pressure: client handed {sent} of {total} articles "
              f"({offered_mib:.1f} MiB) to gRPC; server RSS grew {growth_mib:.1f} MiB")
        self.assertLess(sent, total)
        self.assertLess(growth_mib, 24)


if __name__ == "__main__":
    unittest.main(verbosity=2)
