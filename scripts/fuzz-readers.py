#!/usr/bin/env python3
"""Feeds `firebreak analyze` broken and hostile versions of the reader fixtures and reports every run that crashes
or hangs.

Each round takes one fixture of Tests/FirebreakFormatsTests/Fixtures, breaks it (values of records swapped for
hostile ones, keys dropped, bytes flipped, cut or inserted, lines shuffled, the file cut at a random place or
repeated) and runs `analyze` on it with the fixture's format or `auto`, writing the JSON and HTML reports. A run must
end with status 0 (posts read) or 1 (a clear error, such as no post readable) within the time limit; anything else
is kept as crash-SEED-ROUND.* or hang-SEED-ROUND.* in the output folder with the command's last words.

    swift build -c release --product firebreak
    python3 scripts/fuzz-readers.py --binary .build/release/firebreak --rounds 500 --seed 1 --out /tmp/fuzz

Deterministic for a seed. Its first form found the splitter hang on a stray `}` or `,` (fixed in d886cbc) in 800
rounds; this one finds it in 150 (seed 5) on the build before the fix, and nothing in 800 (seed 41) after it. The
other hostile inputs of that stop (dates far apart, repeated words, words of a megabyte, posts of 120,000 hashtags,
gzip bombs, a v1.1 date of year 9223372036854775807, which crashed the run) were written by hand; their tests are
in the test suites, and the date is among the values below.
"""
import argparse
import copy
import json
import os
import random
import subprocess
import sys

FIXTURES = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'FirebreakFormatsTests', 'Fixtures')
FILES = [
    ('x/v1-statuses.jsonl', 'x-v1'), ('x/v1-array.json', 'x-v1'), ('x/v2-flat.jsonl', 'x-v2'), ('x/v2-page.json', 'twarc2'),
    ('mastodon/statuses.jsonl', 'mastodon'), ('mastodon/streaming.jsonl', 'mastodon'), ('mastodon/tag-timeline.json', 'mastodon'),
    ('bluesky/jetstream.jsonl', 'bluesky'), ('bluesky/post-views.jsonl', 'bluesky'), ('bluesky/search-posts.json', 'bluesky'),
    ('bluesky/post-thread.json', 'bluesky'), ('csv/twarc-csv.csv', 'csv'), ('csv/listening-tool.csv', 'csv'), ('text/posts.txt', 'text'),
]
# Values a hostile or broken record may carry in place of any field.
HOSTILE = [
    -1, 0, 1, 2**31, 2**63, -2**63, 2**64, 10**30, 1e308, -1e308, 0.5, -0.0, '', '\u0000', '\ud800', '\udfff\ud800', 'x' * 5000,
    [], {}, None, True, False, [[[[[]]]]], {'a': {'b': {}}}, '2014-13-45T99:99:99Z', '-0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z',
    '9999999999999', 'Wed Apr 22 17:55:00 +0000 9223372036854775807', 'Tue Apr 22 99:99:99 -9999 2014', 'NaN', 'Infinity', "<a href='javascript:alert(1)'>x</a>", '&#99999999;', '&#xD800;', '&#0;', '\u202e',
    '👩‍👩‍👧‍👦', '{{7*7}}', '}', ']', ',',
]
INSERTS = [b'\xff', b'\xc3', b'\xe2\x80', b'"', b'\\', b'\\u', b'{', b'}', b'[', b']', b'\n', b',', b'\r', b'\x00', b'\xf0\x9f']


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, prefix + (index,))


def replace(document, path, new, remove=False):
    if not path:
        return new
    node = document
    for key in path[:-1]:
        node = node[key]
    if remove:
        del node[path[-1]]
    else:
        node[path[-1]] = new
    return document


def break_value(document, rng):
    document = copy.deepcopy(document)
    for _ in range(rng.randint(1, 4)):
        path = rng.choice(list(paths(document)))
        if path and rng.random() < 0.15:
            document = replace(document, path, None, remove=True)
        else:
            document = replace(document, path, copy.deepcopy(rng.choice(HOSTILE)))
    return document


def break_bytes(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not data:
            break
        at = rng.randrange(len(data))
        roll = rng.random()
        if roll < 0.3:
            data[at] = rng.randrange(256)
        elif roll < 0.5:
            del data[at:at + rng.randint(1, 40)]
        elif roll < 0.7:
            data[at:at] = rng.choice(INSERTS)
        else:
            data = data[:at]
    return bytes(data)


def dump(document, rng):
    return json.dumps(document, ensure_ascii=rng.random() < 0.5).encode('utf-8', 'surrogatepass')


def broken(name, raw, rng):
    out = raw
    if name.endswith('.jsonl') and rng.random() < 0.7:
        lines = []
        for line in raw.split(b'\n'):
            if not line.strip():
                continue
            try:
                document = json.loads(line)
            except ValueError:
                lines.append(line)
                continue
            lines.append(dump(break_value(document, rng) if rng.random() < 0.5 else document, rng))
        out = b'\n'.join(lines) + b'\n'
    elif name.endswith('.json') and rng.random() < 0.7:
        out = dump(break_value(json.loads(raw), rng), rng)
    else:
        out = break_bytes(raw, rng)
    if rng.random() < 0.3:
        out = break_bytes(out, rng)
    if rng.random() < 0.2:
        lines = out.split(b'\n')
        rng.shuffle(lines)
        out = b'\n'.join(lines)
    if rng.random() < 0.2:
        cut = rng.randrange(len(out) + 1)
        out = out[cut:] if rng.random() < 0.5 else out[:cut]
    if rng.random() < 0.1 and out:
        out = out * rng.randint(2, 50)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--binary', default='.build/release/firebreak')
    parser.add_argument('--rounds', type=int, default=200)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--out', default='/tmp/firebreak-fuzz')
    parser.add_argument('--timeout', type=float, default=30)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    failures = 0
    for round_ in range(args.rounds):
        name, format_ = rng.choice(FILES)
        with open(os.path.join(FIXTURES, name), 'rb') as f:
            data = broken(name, f.read(), rng)
        extension = name.rsplit('.', 1)[-1]
        case = os.path.join(args.out, f'case-{args.seed}.{extension}')
        with open(case, 'wb') as f:
            f.write(data)
        command = [args.binary, 'analyze', case, '--format', format_ if rng.random() < 0.6 else 'auto', '--hashtag', 'myNYPD',
                   '--json', os.path.join(args.out, f'report-{args.seed}.json'), '--html', os.path.join(args.out, f'report-{args.seed}.html')]
        try:
            run = subprocess.run(command, capture_output=True, timeout=args.timeout)
            if run.returncode in (0, 1) and b'Fatal error' not in run.stderr:
                continue
            kind, detail = 'crash', f'status {run.returncode}: ' + run.stderr[-400:].decode('utf-8', 'replace')
        except subprocess.TimeoutExpired:
            kind, detail = 'hang', f'no end within {args.timeout} s'
        failures += 1
        kept = os.path.join(args.out, f'{kind}-{args.seed}-{round_}.{extension}')
        os.replace(case, kept)
        print(f'{kind.upper()} {name} ({command[4]}): {kept}: {detail}', flush=True)
    print(f'{args.rounds} rounds, {failures} crashes or hangs')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
