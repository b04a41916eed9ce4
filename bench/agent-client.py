#!/usr/bin/env python3
"""Containers through node-agent's API from ONE client process, as engine-service drives an agent.

usage: agent-client.py AGENT_URL PREFIX COUNT at-once|one-by-one
  AGENT_URL  http://HOST:PORT (the agent's API is under /api/v1)
  PREFIX     bodies prepared by container-start.sh: PREFIX-<i>.id (the container id) and
             PREFIX-<i>.json (its ContainerSpec), i = 0 .. COUNT-1

Each container takes the four calls the curl client sends (create, start, wait, delete with force)
on one keep-alive connection.
  at-once     all COUNT at once, a thread and a connection each; bodies are read and threads
              started before the clock starts, which stops when the last container is removed.
              Prints "<wall ms> <failed containers>".
  one-by-one  one after the other on one connection; prints "<ms>" per container that succeeded,
              then "failed <n>".
A failure's first reason goes to stderr.
"""
import http.client
import sys
import threading
import time
from urllib.parse import urlsplit


def calls(cid, body):
    return (("POST", "/api/v1/containers", body),
            ("POST", f"/api/v1/containers/{cid}/start", None),
            ("POST", f"/api/v1/containers/{cid}/wait", None),
            ("DELETE", f"/api/v1/containers/{cid}?force=true", None))


def run(connection, cid, body):
    """The container's four calls on CONNECTION; None, or why it failed."""
    try:
        for method, path, data in calls(cid, body):
            headers = {"Content-Type": "application/json"} if data else {}
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status >= 300:
                return f"{method} {path}: HTTP {response.status}"
    except (OSError, http.client.HTTPException) as e:
        return f"{cid}: {e}"
    return None


def at_once(connect, bodies):
    go = threading.Event()
    failures = []

    def one(cid, body):
        go.wait()
        connection = connect()
        try:
            failure = run(connection, cid, body)
        finally:
            connection.close()
        if failure:
            failures.append(failure)

    threads = [threading.Thread(target=one, args=b) for b in bodies]
    for t in threads:
        t.start()
    t0 = time.monotonic()
    go.set()
    for t in threads:
        t.join()
    print(f"{(time.monotonic() - t0) * 1000:.1f} {len(failures)}")
    return failures


def one_by_one(connect, bodies):
    failures = []
    connection = connect()
    try:
        for cid, body in bodies:
            t0 = time.monotonic()
            failure = run(connection, cid, body)
            if failure:
                failures.append(failure)
                connection.close()
                connection = connect()
            else:
                print(f"{(time.monotonic() - t0) * 1000:.3f}")
    finally:
        connection.close()
    print(f"failed {len(failures)}")
    return failures


def main():
    agent, prefix, count, mode = urlsplit(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    bodies = []
    for i in range(count):
        with open(f"{prefix}-{i}.id") as f:
            cid = f.read().strip()
        with open(f"{prefix}-{i}.json", "rb") as f:
            bodies.append((cid, f.read()))
    modes = {"at-once": at_once, "one-by-one": one_by_one}
    if mode not in modes:
        sys.exit(f"mode must be at-once or one-by-one, not {mode}")
    failures = modes[mode](lambda: http.client.HTTPConnection(agent.hostname, agent.port, timeout=120), bodies)
    if failures:
        print(f"agent-client: {len(failures)} failed, first: {failures[0]}", file=sys.stderr)


if __name__ == "__main__":
    main()
