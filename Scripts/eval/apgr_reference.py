#!/usr/bin/env python3
"""An independent APGR for `llmroute eval`, computed RouteLLM's way (plain python3, no numpy).

RouteLLM evaluates a router by sweeping a threshold over its scores: at threshold t every
prompt with score >= t goes to the strong model. Here t takes every distinct score, highest
first, which gives one point (strong share, mean quality) per distinct score, plus (0, weak
mean). Between two such points the prompts of one tie group go strong one by one in random
order, so the expected quality is linear there and the trapezoid rule over these points is the
exact area under the curve. PGR = (quality - weak mean) / (strong mean - weak mean).

This shares no code or method with Sources/LLMRouteCore/Evaluation (which sums gains per tie
group in one pass); the end-to-end test runs both on the same file and compares.

usage: apgr_reference.py FILE [--score-field NAME]
Prints JSON: apgr, n, weak_mean, strong_mean, curve (pgr at every 10% of strong share).
Lines that are blank are skipped; lines that are not usable are counted in bad_lines.
"""
import json
import sys


def read(path, field):
    rows, bad = [], 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                values = [obj[field], obj["weak"], obj["strong"]]
                if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
                    raise ValueError("not a number")
                rows.append(tuple(float(v) for v in values))
            except (ValueError, KeyError, TypeError):
                bad += 1
    return rows, bad


def curve_points(rows):
    n = len(rows)
    weak_mean = sum(r[1] for r in rows) / n
    points = [(0.0, weak_mean)]
    for t in sorted({r[0] for r in rows}, reverse=True):
        strong_count = sum(1 for r in rows if r[0] >= t)
        quality = sum(r[2] if r[0] >= t else r[1] for r in rows) / n
        points.append((strong_count / n, quality))
    return points


def interpolate(points, share):
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x0 <= share <= x1:
            return y0 if x1 == x0 else y0 + (share - x0) / (x1 - x0) * (y1 - y0)
    return points[-1][1]


def main(argv):
    path = argv[1]
    field = argv[argv.index("--score-field") + 1] if "--score-field" in argv else "score"
    rows, bad = read(path, field)
    n = len(rows)
    weak_mean = sum(r[1] for r in rows) / n
    strong_mean = sum(r[2] for r in rows) / n
    gap = strong_mean - weak_mean
    points = curve_points(rows)
    pgr = [(x, (q - weak_mean) / gap) for x, q in points]
    apgr = sum((x1 - x0) * (p0 + p1) / 2 for (x0, p0), (x1, p1) in zip(pgr, pgr[1:]))
    curve = [{"strong_share": i / 10, "pgr": (interpolate(points, i / 10) - weak_mean) / gap} for i in range(11)]
    json.dump({"apgr": apgr, "n": n, "weak_mean": weak_mean, "strong_mean": strong_mean,
               "curve": curve, "bad_lines": bad}, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main(sys.argv)
