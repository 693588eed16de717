#!/usr/bin/env python3
"""Campaign streams built from real labelled tweets, to check the monitor beyond the drill scenarios.

Takes the SemEval-2016 task 4B devtest tweets (polarity toward 20 topics the stance model never trained on),
replaces each tweet's topic with one fictitious target ("Brandco"), adds the campaign hashtag, and replays
them as flattened X v2 posts at a chosen rate:

- benign: the whole stream keeps the data's own mix (about 81 % positive, 19 % negative);
- hijack: the same, then from the onset the negative share jumps to `--hijack-share`.

Writes STREAM.jsonl and STREAM.truth.json (the `onset`, or null) for `firebreak eval-detect --stream --truth`,
and a campaign file. Texts repeat (1,163 tweets feed thousands of posts), each from a different account, so
expect coordination alerts; only `hijack` alerts are scored.

    python3 scripts/real-tweet-streams.py --out /tmp/real --seeds 1 2 3 4 5
    for s in /tmp/real/*.jsonl; do firebreak eval-detect --stream $s --truth ${s%.jsonl}.truth.json \\
        --campaign /tmp/real/campaign.yml; done
"""
import argparse
import datetime
import hashlib
import json
import os
import random
import re

TARGET = "Brandco"
HASHTAG = "BrandcoStory"


def load(path):
    positive, negative = [], []
    for line in open(path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 4:
            continue
        topic, label, text = fields[1], fields[2], fields[3]
        text = re.sub(re.escape(topic.lstrip("@#")), TARGET, text, flags=re.I)
        text = re.sub(r"@\w+", "@user", text)
        (positive if label == "positive" else negative).append(text)
    return positive, negative


def stream(positive, negative, seed, rate_per_hour, hours, onset_minute, hijack_share):
    rng = random.Random(seed)
    start = datetime.datetime(2016, 5, 3, 15, 0, tzinfo=datetime.timezone.utc)
    base_share = len(negative) / (len(positive) + len(negative))
    accounts = [f"user{seed}_{i}" for i in range(int(rate_per_hour * hours * 0.7) + 50)]
    posts, t, n = [], 0.0, 0
    while True:
        t += rng.expovariate(rate_per_hour / 3600.0)
        if t >= hours * 3600:
            break
        minute = t / 60
        share = hijack_share if onset_minute is not None and minute >= onset_minute else base_share
        text = rng.choice(negative if rng.random() < share else positive)
        handle = rng.choice(accounts)
        n += 1
        created = start + datetime.timedelta(seconds=t)
        stamp = created.strftime("%Y-%m-%dT%H:%M:%S.") + f"{created.microsecond // 1000:03d}Z"
        author_id = str(int(hashlib.sha256(handle.encode()).hexdigest()[:12], 16))
        body = f"{text} #{HASHTAG}"
        posts.append({
            "id": str(7_000_000_000_000_000_000 + seed * 10**7 + n),
            "text": body,
            "created_at": stamp,
            "author_id": author_id,
            "lang": "en",
            "entities": {"hashtags": [{"start": len(text) + 1, "end": len(body), "tag": HASHTAG}]},
            "author": {"id": author_id, "username": handle, "name": handle, "created_at": "2012-01-01T00:00:00.000Z",
                       "public_metrics": {"followers_count": rng.randint(10, 2000)}},
        })
    onset = None if onset_minute is None else (start + datetime.timedelta(minutes=onset_minute)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return posts, {"onset": onset, "launched_at": start.strftime("%Y-%m-%dT%H:%M:%SZ")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--hijack-share", type=float, default=0.7)
    args = parser.parse_args()
    positive, negative = load(os.path.join(args.data, "semeval2016-task4", "devtest2016-2point.txt"))
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "campaign.yml"), "w") as f:
        f.write(f'name: {HASHTAG}\nhashtags: ["#{HASHTAG}"]\ntarget:\n  name: {TARGET}\n  aliases: ["{TARGET}"]\n'
                'launched_at: 2016-05-03T15:00:00Z\n')
    for seed in args.seeds:
        for name, rate, onset in (("benign-1000", 1000, None), ("benign-100", 100, None),
                                  ("hijack-1000", 1000, 90), ("hijack-100", 100, 120)):
            posts, truth = stream(positive, negative, seed, rate, 4 if rate >= 1000 else 6, onset, args.hijack_share)
            base = os.path.join(args.out, f"{name}-s{seed}")
            with open(base + ".jsonl", "w", encoding="utf-8") as f:
                for post in posts:
                    f.write(json.dumps(post, ensure_ascii=False) + "\n")
            with open(base + ".truth.json", "w") as f:
                json.dump(truth, f)
            print(base, len(posts))


if __name__ == "__main__":
    main()
