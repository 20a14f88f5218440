"""Bulk capture on a real Dask LocalCluster: plain values out, plain results back, nothing lost.

One module-scoped cluster (in-process workers, one thread each) keeps this fast.
"""

import json
import logging

import pytest

pytest.importorskip("dask.distributed")

from dask.distributed import Client, LocalCluster  # noqa: E402

from amity.extract.parallel import stream_dask  # noqa: E402

RELEASE = ("Gimhae, 12 May 2025 - Mayor Hong Tae-yong of Gimhae met Mayor Lena Holm of Kalmar at Gimhae "
           "City Hall on 12 May 2025 and signed a friendship city agreement (release {n}).")


@pytest.fixture(scope="module")
def client():
    logging.getLogger("distributed").setLevel(logging.ERROR)  # its INFO lines outlive pytest's capture
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def _values(n: int) -> dict:
    return {"text": RELEASE.format(n=n), "published": "2025-05-12", "url": None, "title": None}


def test_results_stream_back_in_completion_order_with_bounded_work_in_flight(client):
    submitted = []

    def items():
        for n in range(12):
            submitted.append(n)
            yield n

    seen = []
    for n, result in stream_dask(client, items(), _values, in_flight=3):
        assert len(submitted) - len(seen) <= 3  # back-pressure: never more than 3 out at once
        seen.append(n)
        assert "error" not in result and any(p["name"] == "Gimhae" for p in result["places"])
    assert sorted(seen) == list(range(12))


def test_a_worker_that_dies_loses_no_document(client):
    cluster_workers = list(client.scheduler_info()["workers"])
    results = {}
    for n, result in stream_dask(client, iter(range(10)), _values, in_flight=4):
        results[n] = result
        if len(results) == 2:  # one worker goes away mid-run: its documents go to the other
            client.retire_workers([cluster_workers[0]], close_workers=True)
    assert sorted(results) == list(range(10))
    assert all("error" not in result for result in results.values())


def test_a_worker_killed_with_sigkill_loses_no_document():
    """A worker process killed outright (no goodbye to the scheduler): its documents are done elsewhere.

    Process workers, unlike the module's in-process cluster: about 10-20 s to start and warm up."""
    import os
    import signal

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        pids = client.run(os.getpid)  # worker address -> process id
        victim = sorted(pids.values())[0]
        results = {}
        for n, result in stream_dask(client, iter(range(12)), _values, in_flight=6):
            results[n] = result
            if len(results) == 1:  # both workers hold queued documents now
                os.kill(victim, signal.SIGKILL)
        assert victim not in client.run(os.getpid).values(), "the worker process was not killed"
    assert sorted(results) == list(range(12))
    assert all("error" not in result for result in results.values())


@pytest.mark.django_db
def test_amity_ingest_and_extract_on_a_local_cluster(tmp_path, capsys):
    from amity.cli import main
    from amity.sources.models import Document

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"r{n}", "text": RELEASE.format(n=n)}) + "\n" for n in range(4))
                    + "{broken\n", encoding="utf-8")
    assert main(["ingest", "--dask", "local:1", "--actor", "bot:test", str(feed)]) == 0
    out = capsys.readouterr().out
    assert "documents: 4 new, 0 already known, 1 failed" in out
    assert Document.objects.count() == 4
    assert all(d.claims.filter(slot="place").exists() for d in Document.objects.all())
    output = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(feed), "--dask", "local:1", "-o", str(output)]) == 1  # the broken line
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert sorted(str(line["id"]) for line in lines if "error" not in line) == ["r0", "r1", "r2", "r3"]
    assert any("error" in line for line in lines)
