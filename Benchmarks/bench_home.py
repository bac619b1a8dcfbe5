"""A throwaway llmroute home for the benchmarks: one OpenAI-protocol model "bench" (price 0) at
`base_url`, config under XDG_CONFIG_HOME, state and data beside it, so a run never reads or
writes the user's own ledger or config. Shared by stream_bench.py and serve_bench.py."""
import os, tempfile

CONFIG = '''[providers.bench]
kind = "openai"
base_url = "{base_url}"
[models."bench"]
provider = "bench"
input_price = 0.0
output_price = 0.0
context_window = 128000
quality = 0.9
[routing]
candidates = ["bench"]
'''


HOSTED = '''[providers.bench-hosted]
kind = "openai"
base_url = "{base_url}"
[models."bench-hosted"]
provider = "bench-hosted"
input_price = 0.0
output_price = 0.0
context_window = 128000
quality = 0.9
'''


def make_home(prefix, base_url, hosted_url=None):
    """Returns (home folder, environment for llmroute processes). `hosted_url`: a second model,
    "bench-hosted", served from there (the gateway benchmark's paced streams)."""
    home = tempfile.mkdtemp(prefix=prefix)
    os.makedirs(home + "/config/llmroute")
    with open(home + "/config/llmroute/config.toml", "w") as f:
        f.write(CONFIG.format(base_url=base_url) + (HOSTED.format(base_url=hosted_url) if hosted_url else ""))
    env = {"HOME": home, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "XDG_CONFIG_HOME": home + "/config",
           "XDG_STATE_HOME": home + "/state", "XDG_DATA_HOME": home + "/data"}
    return home, env
