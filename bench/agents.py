#!/usr/bin/env python3
"""Drives the node-agent benchmarks (bench/agent-converge, bench/agent-full-sync) against a running
`strata serve`: registers nodes and their agent users, starts real `strata agent` processes on
directory configfs and file pools, and measures over keep-alive HTTPS with Python's standard
library (a light client on the side, so the two cores stay with the server and the agents).

  agents.py converge URL CA_FILE WORK_DIR JAR PUBLISHES
  agents.py full-sync URL CA_FILE WORK_DIR JAR REPLICAS SUBSYSTEMS
"""
import base64
import http.client
import json
import os
import shutil
import ssl
import statistics
import subprocess
import sys
import time
import uuid
from urllib.parse import urlparse

ADMIN = ("admin", os.environ.get("STRATA_ADMIN_PASSWORD", "bench-admin-password"))
GIB = 1 << 30


class Client:
    """One keep-alive HTTPS connection, trusting the server's certificate (no host name check)."""

    def __init__(self, url, ca, auth=None, bearer=None):
        parsed = urlparse(url)
        context = ssl.create_default_context(cafile=ca)
        context.check_hostname = False
        self.connection = http.client.HTTPSConnection(parsed.hostname, parsed.port, context=context, timeout=120)
        if bearer:
            self.authorization = "Bearer " + bearer
        else:
            self.authorization = "Basic " + base64.b64encode(("%s:%s" % (auth or ADMIN)).encode()).decode()

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        headers = {"Authorization": self.authorization, "Content-Type": "application/json"}
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        text = response.read()
        if response.status >= 300:
            raise RuntimeError("%s %s -> %d %s" % (method, path, response.status, text[:300]))
        return json.loads(text) if text else None


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))]


def ms(seconds):
    return "%.1f ms" % (seconds * 1000)


def register_nodes(admin, work, count, capacity_gib):
    nodes = []
    for n in range(1, count + 1):
        node = admin.call("POST", "/backends", {"mgmtIPs": ["10.80.0.%d" % n], "rack": "rack-%d" % n,
                                                "totalCapacity": capacity_gib,
                                                "portals": [{"ip": "192.168.80.%d" % n, "port": 4420,
                                                             "transport": "TCP"}]})
        node_id = node["persistentID"]
        name = "bench-agent-%d" % n
        admin.call("POST", "/v1/users/", {"name": name, "password": "bench-agent-password-%d" % n,
                                          "roles": ["node-agent"], "node_id": node_id})
        token = admin.call("POST", "/v1/auth/access-tokens/", {"user": {"name": name}})["bearer_token"]
        home = os.path.join(work, "node%d" % n)
        for sub in ("pool", "nvmet"):
            os.makedirs(os.path.join(home, sub), exist_ok=True)
        with open(os.path.join(home, "agent.token"), "w") as f:
            f.write(token + "\n")
        nodes.append({"id": node_id, "home": home, "token": token})
    return nodes


def start_agent(url, ca, jar, node, interval=10):
    home = node["home"]
    log = open(os.path.join(home, "agent.log"), "a")
    return subprocess.Popen(["java", "-Xmx128m", "-jar", jar, "agent", "--url", url, "--node", node["id"],
                             "--token-file", os.path.join(home, "agent.token"),
                             "--pool", "file:" + os.path.join(home, "pool"),
                             "--configfs", os.path.join(home, "nvmet"), "--interval", str(interval),
                             "--cacert", ca], stdout=log, stderr=subprocess.STDOUT)


def backend(admin, node_id):
    return admin.call("GET", "/backends/" + node_id)[0]


def await_applied(admin, node_ids, reported_after_ms=None, deadline_s=600):
    """Polls until every node's agent reported its desired generation (after a time, if given)."""
    end = time.time() + deadline_s
    pending = set(node_ids)
    while pending:
        for node_id in list(pending):
            b = backend(admin, node_id)
            if b["appliedGeneration"] >= b["desiredGeneration"] and b["agentVersion"] and \
                    (reported_after_ms is None or b["lastProbTime"] > reported_after_ms) and \
                    all(s["state"] == "Applied" for s in b.get("subsystems", [])):
                pending.discard(node_id)
        if pending:
            if time.time() > end:
                raise RuntimeError("not applied within %d s: %s" % (deadline_s, pending))
            time.sleep(0.005)


def converge(url, ca, work, jar, publishes):
    admin = Client(url, ca)
    nodes = register_nodes(admin, work, 3, 10000)
    agents = [start_agent(url, ca, jar, node) for node in nodes]
    try:
        by_id = {n["id"]: n for n in nodes}
        admin.call("POST", "/host_probe", {"hostNqn": "nqn.2014-08.org.example:bench-host", "hostId": "bench-host",
                                           "name": "bench-host", "duration": 3600})
        volumes = []
        for i in range(publishes):
            v = admin.call("POST", "/volumes", {"alias": "conv-%d" % i, "capacity": 1, "provisioningType": "THIN",
                                                "storageClass": {"numReplicas": 2}})
            volumes.append((v["uuid"], [l["backend"]["persistentID"] for l in v["location"]]))
        await_applied(admin, by_id.keys())
        print("%d agents (interval 10 s, long-polling), %d 2-replica THIN volumes placed and applied"
              % (len(nodes), publishes))
        round_trips, converged = [], []
        for uuid_, holders in volumes:
            start = time.perf_counter()
            admin.call("POST", "/publish", {"hostId": "bench-host", "volId": uuid_})
            answered = time.perf_counter()
            wanted = {h: backend(admin, h)["desiredGeneration"] for h in holders}
            while True:
                done = all(backend(admin, h)["appliedGeneration"] >= wanted[h] for h in holders)
                if done:
                    break
                time.sleep(0.002)
            converged.append(time.perf_counter() - start)
            round_trips.append(answered - start)
        p50, p99 = percentile(converged, 50), percentile(converged, 99)
        r50, r99 = percentile(round_trips, 50), percentile(round_trips, 99)
        print("reference, the publish round trip over HTTPS:  p50 %s  p99 %s" % (ms(r50), ms(r99)))
        print("publish -> applied on both nodes (observed generation reaches the change), %d publishes:"
              % len(converged))
        print("  p50 %s  p99 %s  max %s  mean %s" % (ms(p50), ms(p99), ms(max(converged)),
                                                       ms(statistics.mean(converged))))
        print("ratio to the reference: p50 %.1fx  p99 %.1fx" % (p50 / r50, p99 / r99))
    finally:
        for agent in agents:
            agent.kill()
            agent.wait()


def full_sync(url, ca, work, jar, replicas, subsystems):
    admin = Client(url, ca)
    node = register_nodes(admin, work, 1, 100000)[0]
    per_host = replicas // subsystems
    started = time.time()
    for h in range(subsystems):
        host = "sync-host-%d" % h
        admin.call("POST", "/host_probe", {"hostNqn": "nqn.2014-08.org.example:" + host, "hostId": host,
                                           "name": host, "duration": 86400})
        for i in range(per_host):
            v = admin.call("POST", "/volumes", {"alias": "sync-%d-%d" % (h, i), "capacity": 1,
                                                "provisioningType": "THIN"})
            admin.call("POST", "/publish", {"hostId": host, "volId": v["uuid"]})
    for i in range(replicas - per_host * subsystems):
        admin.call("POST", "/volumes", {"alias": "sync-extra-%d" % i, "capacity": 1, "provisioningType": "THIN"})
    print("seeded through the API: %d replicas, %d subsystems on one node (%.0f s)"
          % (replicas, subsystems, time.time() - started))
    agent_api = Client(url, ca, bearer=node["token"])
    path = "/v1/agent/nodes/%s/desired" % node["id"]
    document = agent_api.call("GET", path)
    assert len(document["replicas"]) == replicas and len(document["subsystems"]) == subsystems, \
        (len(document["replicas"]), len(document["subsystems"]))
    fetches = []
    for _ in range(20):
        start = time.perf_counter()
        agent_api.call("GET", path)
        fetches.append(time.perf_counter() - start)
    reference = statistics.median(fetches)
    size = len(json.dumps(document))
    print("reference, one fetch of the desired document (%d KB) over HTTPS: median of 20 %s" % (size // 1024,
                                                                                          ms(reference)))
    version_start = time.perf_counter()
    subprocess.run(["java", "-jar", jar, "--version"], check=True, stdout=subprocess.DEVNULL)
    jvm = time.perf_counter() - version_start
    print("reference, a JVM start (strata --version): %s" % ms(jvm))

    def run(label):
        t0 = time.time()
        agent = start_agent(url, ca, jar, node)
        await_applied(admin, [node["id"]], reported_after_ms=int(t0 * 1000))
        elapsed = time.time() - t0
        print("%s: %s  (%.0fx the fetch, %.1fx a JVM start)" % (label, ms(elapsed), elapsed / reference,
                                                                  elapsed / jvm))
        return agent

    agent = run("first start on an empty node (creates %d files, builds %d subsystems)" % (replicas, subsystems))
    for attempt in range(1, 4):
        agent.kill()
        agent.wait()
        agent = run("agent restart %d, everything in place (full document, read back, revalidate)" % attempt)
    agent.kill()
    agent.wait()
    nvmet = os.path.join(node["home"], "nvmet")
    shutil.rmtree(nvmet)
    for group in ("hosts", "subsystems", "ports"):
        os.makedirs(os.path.join(nvmet, group))
    agent = run("agent restart after a reboot emptied configfs (rebuilds %d subsystems, %d namespaces)"
                % (subsystems, per_host * subsystems))
    agent.kill()
    agent.wait()
    count = sum(1 for _ in os.scandir(os.path.join(node["home"], "pool")))
    print("files in the pool: %d; subsystems in configfs: %d" % (count, len(os.listdir(os.path.join(nvmet,
                                                                                               "subsystems")))))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "converge":
        converge(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))
    elif command == "full-sync":
        full_sync(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]), int(sys.argv[7]))
    else:
        sys.exit(__doc__)
