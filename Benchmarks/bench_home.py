"""A throwaway llmroute home for the benchmarks: one OpenAI-protocol model "bench" (price 0) at
`base_url`, config under XDG_CONFIG_HOME, state and data beside it, so a run never reads or
writes the user's own ledger or config. Shared by stream_bench.py and serve_bench.py."""
import os, tempfile

# One free OpenAI-protocol model and its provider, both called `name`.
MODEL = '''[providers.{name}]
kind = "openai"
base_url = "{base_url}"
[models."{name}"]
provider = "{name}"
input_price = 0.0
output_price = 0.0
context_window = 128000
quality = 0.9
'''
ROUTING = '''[routing]
candidates = ["bench"]
'''


def make_home(prefix, base_url, hosted_url=None):
    """Returns (home folder, environment for llmroute processes). `hosted_url`: a second model,
    "bench-hosted", served from there (the gateway benchmark's paced streams)."""
    home = tempfile.mkdtemp(prefix=prefix)
    os.makedirs(home + "/config/llmroute")
    with open(home + "/config/llmroute/config.toml", "w") as f:
        f.write(MODEL.format(name="bench", base_url=base_url) + ROUTING
                + (MODEL.format(name="bench-hosted", base_url=hosted_url) if hosted_url else ""))
    env = {"HOME": home, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "XDG_CONFIG_HOME": home + "/config",
           "XDG_STATE_HOME": home + "/state", "XDG_DATA_HOME": home + "/data"}
    return home, env
