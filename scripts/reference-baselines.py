#!/usr/bin/env python3
"""Reference systems on the `val` splits, to read Firebreak's `val` figures against the issue's test figures.

The issue's "word+char n-gram logistic regression" column and VADER, re-run on the same splits Firebreak
validates on. Needs scikit-learn and vaderSentiment (pip install scikit-learn vaderSentiment).

    python3 scripts/reference-baselines.py [../shared/data]
"""
import html
import re
import sys

from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, recall_score

DATA = (sys.argv[1] if len(sys.argv) > 1 else "../shared/data").rstrip("/") + "/"


def tweeteval(task, split):
    texts = open(f"{DATA}tweeteval/{task}/{split}_text.txt", encoding="utf-8").read().split("\n")
    labels = [int(x) for x in open(f"{DATA}tweeteval/{task}/{split}_labels.txt").read().split()]
    return texts[: len(labels)], labels


def normalise(text):
    text = re.sub(r"https?://\S+", "http", text)
    return re.sub(r"@\w+", "@user", text).strip().lower()


def overlap_key(text):
    # Same rule as CorpusParser.deduplicationKey: TweetEval re-encodes the SemEval tweets.
    text = html.unescape(html.unescape(text)).lower()
    text = re.sub(r"https?://\S+", "", text)
    return re.sub(r"[^a-z0-9]", "", re.sub(r"@\w+", "", text))


def logistic_regression(train, train_labels, test):
    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, preprocessor=normalise)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, preprocessor=normalise)
    x = hstack([words.fit_transform(train), chars.fit_transform(train)]).tocsr()
    t = hstack([words.transform(test), chars.transform(test)]).tocsr()
    model = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(x, train_labels)
    return model.predict(t)


def semeval_topic(name):
    texts, labels, topics = [], [], []
    for line in open(f"{DATA}semeval2016-task4/{name}", encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        topics.append(fields[1])
        texts.append(fields[3])
        labels.append(1 if fields[2] == "positive" else 0)
    return texts, labels, topics


def masked(texts, topics):
    return [re.sub(re.escape(topic), " TARGETX ", text, flags=re.I) for text, topic in zip(texts, topics)]


def main():
    for task in ("irony", "offensive"):
        train, train_labels = tweeteval(task, "train")
        val, val_labels = tweeteval(task, "val")
        predicted = logistic_regression(train, train_labels, val)
        score = f1_score(val_labels, predicted, pos_label=1) if task == "irony" else f1_score(val_labels, predicted, average="macro")
        print(f"{task}: LR {100 * score:.1f}")

    val, val_labels = tweeteval("sentiment", "val")
    held = {overlap_key(text) for text in val}
    names = {"negative": 0, "neutral": 1, "positive": 2}
    train, train_labels = [], []
    for name in ("train2016-noTopic.txt", "dev2016-noTopic.txt", "devtest2016-noTopic.txt", "test2016-taskA-tweet.txt"):
        for line in open(f"{DATA}semeval2016-task4/{name}", encoding="utf-8"):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3 or fields[1] not in names:
                continue
            text = fields[2].strip('"')
            if overlap_key(text) not in held:
                train.append(text)
                train_labels.append(names[fields[1]])
    predicted = logistic_regression(train, train_labels, val)
    print(f"sentiment: LR {100 * recall_score(val_labels, predicted, average='macro'):.1f} ({len(train)} training tweets)")

    a, a_labels, a_topics = semeval_topic("training2016-2point.txt")
    b, b_labels, b_topics = semeval_topic("dev2016-2point.txt")
    test, test_labels, test_topics = semeval_topic("devtest2016-2point.txt")
    predicted = logistic_regression(masked(a + b, a_topics + b_topics), a_labels + b_labels, masked(test, test_topics))
    print(f"topic polarity (4B devtest): LR masked {100 * recall_score(test_labels, predicted, average='macro'):.1f}")
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        print("topic polarity (4B devtest): VADER skipped (pip install vaderSentiment)")
        return
    vader = SentimentIntensityAnalyzer()
    predicted = [0 if vader.polarity_scores(text)["compound"] < 0 else 1 for text in test]
    print(f"topic polarity (4B devtest): VADER {100 * recall_score(test_labels, predicted, average='macro'):.1f}")


if __name__ == "__main__":
    main()
