#!/usr/bin/env python3
"""COUNT containers at once through node-agent's API from ONE client process.

usage: at-once.py AGENT_URL PREFIX COUNT
  AGENT_URL  http://HOST:PORT (the agent's API is under /api/v1)
  PREFIX     bodies prepared by container-start.sh: PREFIX-<i>.id (the container id) and
             PREFIX-<i>.json (its ContainerSpec), i = 0 .. COUNT-1

One thread per container, each on its own keep-alive connection, sends the four calls the curl
client sends (create, start, wait, delete with force), as engine-service drives an agent: one
process, pooled connections. Bodies are read and threads started before the clock starts; the
clock stops when the last container is removed. Prints "<wall ms> <failed containers>"; a
failure's first reason goes to stderr.
"""
import http.client
import sys
import threading
import time
from urllib.parse import urlsplit


def main():
    agent, prefix, count = urlsplit(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    bodies = []
    for i in range(count):
        with open(f"{prefix}-{i}.id") as f:
            cid = f.read().strip()
        with open(f"{prefix}-{i}.json", "rb") as f:
            bodies.append((cid, f.read()))
    go = threading.Event()
    failures = []

    def run(cid, body):
        go.wait()
        calls = (("POST", "/api/v1/containers", body),
                 ("POST", f"/api/v1/containers/{cid}/start", None),
                 ("POST", f"/api/v1/containers/{cid}/wait", None),
                 ("DELETE", f"/api/v1/containers/{cid}?force=true", None))
        connection = http.client.HTTPConnection(agent.hostname, agent.port, timeout=120)
        try:
            for method, path, data in calls:
                headers = {"Content-Type": "application/json"} if data else {}
                connection.request(method, path, body=data, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status >= 300:
                    failures.append(f"{method} {path}: HTTP {response.status}")
                    return
        except (OSError, http.client.HTTPException) as e:
            failures.append(f"{cid}: {e}")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=b) for b in bodies]
    for t in threads:
        t.start()
    t0 = time.monotonic()
    go.set()
    for t in threads:
        t.join()
    wall = (time.monotonic() - t0) * 1000
    if failures:
        print(f"at-once: {len(failures)} failed, first: {failures[0]}", file=sys.stderr)
    print(f"{wall:.1f} {len(failures)}")


if __name__ == "__main__":
    main()
