"""Near-duplicates: content fingerprints that group copies and light rewrites of one story.

Each clean text becomes a set of word 3-shingles (words transliterated to ASCII with
anyascii and lower-cased, so typography and script variants agree), hashed into a 128-slot
MinHash (datasketch, fixed seed). MinHash LSH proposes candidate pairs; a pair joins when the
estimated Jaccard similarity is at least 0.5. Connected pairs form a `story_group`, named
after its alphabetically first article id. `fingerprint` is a 16-hex-digit digest of the
signature: equal texts give equal fingerprints on every machine.

Known limits: translations share no shingles, so a translated rewrite is not grouped here (the
events stage compares what survives translation instead); only the first 200,000 characters of
a text are fingerprinted.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from anyascii import anyascii

NUM_PERM = 128
SEED = 20240327
SHINGLE_WORDS = 3
JACCARD_THRESHOLD = 0.5
MAX_CHARS = 200_000
_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of a text (ASCII-folded, lower-cased)."""
    words = _TOKEN.findall(anyascii(text[:MAX_CHARS]).lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i: i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str):
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM, seed=SEED)
    signature.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return signature


def signature_digest(signature) -> str:
    """Stable 16-hex-digit digest of a MinHash signature."""
    return hashlib.blake2b(signature.hashvalues.astype("<u8").tobytes(), digest_size=8).hexdigest()


def fingerprint(text: str) -> str:
    """Stable 16-hex-digit digest of a text's MinHash signature."""
    return signature_digest(minhash(text))


def story_signature(text: str):
    """The hash values of a text's MinHash signature for `story_groups` (None when it has no shingles):
    computed once per article, with the article, and passed on."""
    return minhash(text).hashvalues if shingles(text) else None


def story_groups(texts: Mapping[str, str], threshold: float = JACCARD_THRESHOLD,
                 hashvalues: Mapping[str, object] | None = None) -> dict[str, str]:
    """Map each article id to its story group (the first article id of its near-duplicate set).
    `hashvalues`: each text's `story_signature`, when already computed."""
    from datasketch import MinHash, MinHashLSH

    if hashvalues is None:
        hashvalues = {aid: story_signature(text) for aid, text in texts.items()}
    ids = sorted(aid for aid in texts if hashvalues.get(aid) is not None)
    scheme = MinHash(num_perm=NUM_PERM, seed=SEED).scheme  # the scheme `minhash` used
    signatures = {aid: MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=hashvalues[aid], scheme=scheme) for aid in ids}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for aid in ids:
        lsh.insert(aid, signatures[aid])
    parent = {aid: aid for aid in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for aid in ids:
        for other in lsh.query(signatures[aid]):
            if other != aid and signatures[aid].jaccard(signatures[other]) >= threshold:
                a, b = root(aid), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups = {aid: aid for aid in texts}  # texts too short to fingerprint stand alone
    groups |= {aid: root(aid) for aid in ids}
    return groups
