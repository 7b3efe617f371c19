"""``--scheduler`` on the command line (#13), against a real Dask cluster that the test starts
and stops: ``dask scheduler`` and two ``dask worker`` processes. The verbs print the same
bytes with and without the cluster."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from distributed import Client, get_task_stream

ROOT = Path(__file__).resolve().parents[1]


def run(*args, env=None):
    full = dict(os.environ, PYTHONIOENCODING="utf-8")
    full.pop("DISCOURSE_SCHEDULER", None)
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "discourse.cli", *args], cwd=ROOT, env=full,
                          capture_output=True, timeout=900)


@pytest.fixture(scope="module")
def address(tmp_path_factory, ungdc):  # ungdc: the cache is warm before the workers start
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    log = open(folder / "log.txt", "wb")
    dask = [sys.executable, "-m", "dask"]
    procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", "0",
                               "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                              stdout=log, stderr=log, cwd=folder)]
    try:
        deadline = time.time() + 120
        while not scheduler_file.exists() and time.time() < deadline:
            time.sleep(0.2)
        assert scheduler_file.exists(), (folder / "log.txt").read_text()
        for i in range(2):
            procs.append(subprocess.Popen(
                [*dask, "worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1",
                 "--nworkers", "1", "--no-dashboard", "--name", f"worker-{i}"],
                stdout=log, stderr=log, cwd=folder))
        with Client(scheduler_file=str(scheduler_file)) as client:
            client.wait_for_workers(2, timeout=120)
            yield client.scheduler.address, client
    finally:
        for p in reversed(procs):  # workers first, then the scheduler
            p.terminate()
        for p in reversed(procs):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        log.close()
    assert all(p.poll() is not None for p in procs)


def test_profile_prints_the_same_bytes_on_the_cluster(address):
    where, client = address
    local = run("profile", "ungdc:SYR", "--metadata")
    assert local.returncode == 0, local.stderr
    with get_task_stream(client) as stream:
        remote = run("profile", "ungdc:SYR", "--metadata", "--scheduler", where)
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout and local.stdout.count(b"\n") == 75
    assert len({t["worker"] for t in stream.data}) == 2  # both worker processes profiled
    assert b"Dask scheduler " + where.encode() in remote.stderr


def test_other_verbs_print_the_same_bytes(address):
    where, _ = address
    for args in (["keyness", "ungdc:SYR:2011-2024", "--reference", "ungdc:SYR:1990-2010",
                  "--top", "15", "--format", "csv"],
                 ["keywords", "ungdc:SYR:2000-2024", "--terms", "balanc*,sovereign*,peace",
                  "--by", "year", "--format", "csv"],
                 ["actors", "ungdc:SYR:2015-2024", "--balance", "--by", "year", "--n-boot", "100",
                  "--format", "csv"],
                 ["topics", "ungdc:SYR:1990-2024", "--k", "4", "--passes", "2", "--format", "csv"]):
        local = run(*args)
        assert local.returncode == 0, local.stderr
        remote = run(*args, env={"DISCOURSE_SCHEDULER": where})  # the environment variable
        assert remote.returncode == 0, remote.stderr
        assert remote.stdout == local.stdout, args


def test_a_local_cluster_of_processes(address):
    args = ["keywords", "article", "--terms", "balanc*,pragmati*", "--format", "csv"]
    local = run(*args)
    remote = run(*args, "--scheduler", "processes")
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout and b"Dask scheduler tcp://127.0.0.1:" in remote.stderr


def test_every_verb_takes_the_option():
    from discourse.cli.app import _commands, build_parser

    parser = build_parser()
    verbs = [m.NAME for m in _commands()]
    assert len(verbs) >= 10
    for verb in verbs:
        positional = {"keyness": ["x", "--reference", "y"], "figures": [], "data": []}
        args = parser.parse_args([verb, *positional.get(verb, ["x"]), "--scheduler", "processes"])
        assert args.scheduler == "processes", verb


def test_a_bad_scheduler_is_a_one_line_error():
    out = run("corpus", "article", "--scheduler", "threads")
    assert out.returncode == 2 and out.stdout == b""
    assert out.stderr.decode().strip() == (
        "discourse corpus: error: The 'scheduler' parameter must be None, 'none', 'processes', "
        "a scheduler address such as 'tcp://host:8786', or a distributed.Client. "
        "Got 'threads' instead.")
