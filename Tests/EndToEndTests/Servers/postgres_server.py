#!/usr/bin/env python3
"""A throwaway PostgreSQL server for llmroute's ledger tests and benchmark. 127.0.0.1 only.

Creates a data directory under /tmp (mode 0700, owned by an unprivileged user: PostgreSQL
refuses to run as root, and tests run as root in CI), initdb's it, and starts the server on a
free loopback port with its socket inside that directory. Users: `llmroute` (trust, a
superuser), `secret_user` (password `right-password`, scram-sha-256) for the wrong-password
case, and `tls_user` (trust, superuser), accepted over TLS only (a self-signed certificate
made with openssl), for sslmode=require.

Prints the port on the first stdout line, then reads commands on stdin, one a line, and
answers each with one line:
  createdb NAME   a fresh database (owner secret_user) -> ok
  sql NAME SQL    runs SQL in database NAME  -> ok
  stop            stops the server (fast)    -> stopped
  start           starts it again            -> started
It stops the server and deletes the directory when stdin closes (the test process ended or
crashed), after --lifetime seconds, or on SIGTERM; and a detached watchdog stops the server
even if this script is killed with SIGKILL.
"""
import argparse, glob, os, pwd, shutil, signal, socket, subprocess, sys, tempfile, threading, time


def binaries():
    for version in ("15", "16", "17", "14", "13"):
        path = "/usr/lib/postgresql/%s/bin" % version
        if os.path.exists(path + "/initdb"):
            return path
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        sys.exit("postgres_server.py: no PostgreSQL server found (apt-get install postgresql)")
    return os.path.dirname(found[-1])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, durable):
        self.bin = binaries()
        self.root = tempfile.mkdtemp(prefix="llmroute-pg-", dir="/tmp")
        os.chmod(self.root, 0o700)
        self.data = os.path.join(self.root, "data")
        self.uid = self.gid = None
        if os.geteuid() == 0:  # PostgreSQL will not run as root: everything runs as nobody
            entry = pwd.getpwnam("nobody")
            self.uid, self.gid = entry.pw_uid, entry.pw_gid
            os.chown(self.root, self.uid, self.gid)
        self.port = free_port()
        self.durable = durable
        self.lock = threading.Lock()
        self.running = False

    def as_owner(self):
        if self.uid is not None:
            os.setgid(self.gid)
            os.setgroups([])
            os.setuid(self.uid)

    def run(self, *args, check=True):
        return subprocess.run(args, preexec_fn=self.as_owner, cwd=self.root, check=check,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def init(self):
        self.run(self.bin + "/initdb", "-D", self.data, "-U", "llmroute", "--auth=trust", "-E", "UTF8",
                 "--no-instructions", "--locale=C")
        self.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                 "-keyout", os.path.join(self.data, "server.key"), "-out", os.path.join(self.data, "server.crt"))
        os.chmod(os.path.join(self.data, "server.key"), 0o600)
        with open(os.path.join(self.data, "pg_hba.conf"), "w") as f:
            f.write("local all all trust\n"
                    "hostnossl all tls_user 127.0.0.1/32 reject\n"
                    "hostssl all tls_user 127.0.0.1/32 trust\n"
                    "host all secret_user 127.0.0.1/32 scram-sha-256\n"
                    "host all all 127.0.0.1/32 trust\n")
        self.start()
        self.sql("CREATE ROLE secret_user LOGIN PASSWORD 'right-password'")
        self.sql("CREATE ROLE tls_user LOGIN SUPERUSER")

    def start(self):
        options = "-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=200 -c ssl=on" % (self.port, self.root)
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self.run(self.bin + "/pg_ctl", "-D", self.data, "-l", os.path.join(self.root, "log"), "-o", options, "-w", "start")
        self.running = True

    def stop(self, mode="fast"):
        if self.running:
            self.run(self.bin + "/pg_ctl", "-D", self.data, "-m", mode, "-w", "stop", check=False)
            self.running = False

    def sql(self, statement, database="postgres"):
        self.run(self.bin + "/psql", "-h", self.root, "-p", str(self.port), "-U", "llmroute", "-d", database,
                 "-v", "ON_ERROR_STOP=1", "-q", "-c", statement)

    def watchdog(self, lifetime):
        """A detached process that outlives this one: once the lifetime is over, it stops the
        server and deletes the directory; it ends early when the directory is gone (a normal
        cleanup)."""
        script = ("end=$(( $(date +%%s) + %d )); while [ -d %s ] && [ $(date +%%s) -lt $end ]; do sleep 2; done; "
                  "[ -d %s ] && { %s/pg_ctl -D %s -m immediate stop >/dev/null 2>&1; rm -rf %s; }; exit 0") % (
            int(lifetime) + 30, self.root, self.root, self.bin, self.data, self.root)
        subprocess.Popen(["setsid", "sh", "-c", script], preexec_fn=self.as_owner,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def cleanup(self):
        with self.lock:
            self.stop("immediate")
            shutil.rmtree(self.root, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lifetime", type=float, default=900)
    parser.add_argument("--durable", action="store_true", help="keep fsync on (benchmarks)")
    args = parser.parse_args()
    server = Server(args.durable)
    try:
        server.watchdog(args.lifetime)
        server.init()
    except subprocess.CalledProcessError as error:
        sys.stderr.write("postgres_server.py: %s failed:\n%s\n" % (error.cmd[0], error.stdout.decode(errors="replace")))
        server.cleanup()
        sys.exit(1)

    def finish(*_):
        server.cleanup()
        os._exit(0)

    signal.signal(signal.SIGTERM, finish)
    threading.Timer(args.lifetime, finish).start()
    print(server.port, flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        try:
            if words[0] == "createdb" and len(words) == 2:
                # Owned by the password user, so it may create the ledger's tables too.
                server.sql('CREATE DATABASE "%s" OWNER secret_user' % words[1])
                print("ok", flush=True)
            elif words[0] == "sql" and len(words) >= 3:
                server.sql(line.split(None, 2)[2].strip(), database=words[1])
                print("ok", flush=True)
            elif words[0] == "stop":
                server.stop()
                print("stopped", flush=True)
            elif words[0] == "start":
                server.start()
                print("started", flush=True)
            else:
                print("error: unknown command", flush=True)
        except subprocess.CalledProcessError as error:
            print("error: %s" % error.stdout.decode(errors="replace").strip().replace("\n", " "), flush=True)
    finish()


if __name__ == "__main__":
    main()
