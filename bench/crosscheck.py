#!/usr/bin/python3
"""Runs the command line on random small cases and compares every number with SciPy and OpenCV.

Not part of the tests (they must run without Python): a check to run by hand after
touching an engine, beside the 200 golden cases the tests hold. Needs Debian's
python3-scipy, python3-opencv and python3-tifffile, and runs with /usr/bin/python3.

usage: /usr/bin/python3 bench/crosscheck.py [--seed 1] [--cases 50] [--only 2d,3d,match]

  2d     correlate-nd / convolve-nd on 1..12 x 1..12 images with NaN and Inf, kernels
         up to 7x7 with zeros, every mode, boundary and engine, random anchors;
         against a double-precision sum over the kernel's non-zero weights on the
         image extended by the boundary rule (index arithmetic, not np.pad: numpy
         1.24's pad 'wrap' is wrong for pads wider than the image)
  3d     3-D volumes and kernels, mode=same, against scipy.ndimage.correlate with
         the anchor as ndimage's origin
  match  match-template in valid mode, all six methods, against SPEC's formulas in
         double, window by window; also counts where cv2.matchTemplate is off them (it
         caps the normalized square difference at 1, and its float sums of squares lose
         the variance of a window much smaller than its mean)

Each case runs the command in a fresh JVM, so a hundred cases take about a minute.
Prints each disagreement and exits 1 when there is one.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import tifffile
from scipy import ndimage

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONVOLVEJ = os.path.join(ROOT, "convolvej")
BOUNDARIES = ["symm", "mirror", "nearest", "wrap", "fill"]


def run(args):
    r = subprocess.run([CONVOLVEJ] + args, capture_output=True, text=True)
    return r.returncode, r.stderr.strip().splitlines()[-1:] if r.stderr.strip() else []


def kernel_text(k):
    if k.ndim == 2:
        return "[" + "; ".join(" ".join(repr(float(v)) for v in row) for row in k) + "]"
    return "[" + " | ".join(kernel_text(p)[1:-1] for p in k) + "]"


def extended(i, n, boundary):
    """Where index i of an axis of size n reads, by the boundary rule (None: the fill value)."""
    if boundary == "fill":
        return i if 0 <= i < n else None
    if boundary == "wrap":
        return i % n
    if boundary == "nearest":
        return min(max(i, 0), n - 1)
    if boundary == "symm":
        m = i % (2 * n)
        return m if m < n else 2 * n - 1 - m
    if n == 1:
        return 0
    m = i % (2 * n - 2)
    return m if m < n else 2 * n - 2 - m


def reference_2d(f, k, op, mode, boundary, value, anchor):
    kh, kw = k.shape
    h, w = f.shape
    ay, ax = anchor
    # a convolution is the correlation with the flipped kernel and mirrored anchor
    kc, cy, cx = (k, ay, ax) if op == "correlate" else (k[::-1, ::-1], kh - 1 - ay, kw - 1 - ax)
    if mode == "same":
        ys, xs = (0, h - 1), (0, w - 1)
    elif mode == "full":
        ys, xs = (-(kh - 1 - cy), h - 1 + cy), (-(kw - 1 - cx), w - 1 + cx)
    else:
        ys, xs = (cy, h - kh + cy), (cx, w - kw + cx)
    taps = [(j, i, float(kc[j, i])) for j in range(kh) for i in range(kw) if kc[j, i] != 0]
    out = np.zeros((ys[1] - ys[0] + 1, xs[1] - xs[0] + 1))
    for y in range(ys[0], ys[1] + 1):
        for x in range(xs[0], xs[1] + 1):
            s = 0.0
            for j, i, v in taps:
                yy, xx = extended(y - cy + j, h, boundary), extended(x - cx + i, w, boundary)
                s += v * (value if yy is None or xx is None else float(f[yy, xx]))
            out[y - ys[0], x - xs[0]] = s
    return out


def same_nonfinite(got, ref):
    if not np.array_equal(np.isnan(got), np.isnan(ref)):
        return False
    inf = np.isinf(ref)
    return np.array_equal(got[inf], ref[inf]) and np.array_equal(np.isinf(got), inf)


def check_2d(rng, tmp):
    h, w = (int(v) for v in rng.integers(1, 13, 2))
    kh, kw = (int(v) for v in rng.integers(1, 8, 2))
    img = rng.normal(0, 10, (h, w)).astype(np.float32)
    if rng.random() < 0.4:
        img[rng.random(img.shape) < 0.1] = np.nan
    if rng.random() < 0.2:
        img[rng.random(img.shape) < 0.05] = np.inf
    k = np.round(rng.normal(0, 1, (kh, kw)), 3)
    if rng.random() < 0.3:
        k[rng.random(k.shape) < 0.5] = 0
    mode = str(rng.choice(["full", "same", "valid"]))
    if mode == "valid" and (kh > h or kw > w):
        mode = "same"
    boundary = str(rng.choice(BOUNDARIES))
    value = float(np.round(rng.normal(0, 5), 2))
    op = str(rng.choice(["correlate", "convolve"]))
    anchor = [(kh - 1) // 2, (kw - 1) // 2]
    anchor_text = ""
    if rng.random() < 0.5:
        anchor = [int(rng.integers(0, kh)), int(rng.integers(0, kw))]
        anchor_text = " anchor=[%d,%d]" % (anchor[1], anchor[0])
    algorithm = str(rng.choice(["Auto", "Direct", "FFT"]))
    options = "kernel=%s mode=%s boundary=%s value=%s%s algorithm=%s" % (kernel_text(k), mode, boundary, value, anchor_text, algorithm)
    src, dst = os.path.join(tmp, "in.tif"), os.path.join(tmp, "out.tif")
    tifffile.imwrite(src, img)
    code, err = run([op + "-nd", src, dst, options])
    if code != 0:
        return "%s-nd failed on %dx%d: %s %s" % (op, w, h, options, err)
    got = tifffile.imread(dst).astype(np.float64)
    ref = reference_2d(img.astype(np.float64), k, op, mode, boundary, value, anchor)
    if got.shape != ref.shape:
        return "%s-nd %s: shape %s, expected %s" % (op, options, got.shape, ref.shape)
    if not same_nonfinite(got, ref):
        return "%s-nd %s on %dx%d: NaN or Inf where the direct sum has none, or the other way" % (op, options, w, h)
    fin = np.isfinite(ref)
    err = np.max(np.abs(got[fin] - ref[fin]), initial=0) / max(1, np.max(np.abs(ref[fin]), initial=0))
    return None if err <= 1e-4 else "%s-nd %s on %dx%d: relative difference %.3g" % (op, options, w, h, err)


def check_3d(rng, tmp):
    ndimage_mode = {"symm": "reflect", "mirror": "mirror", "nearest": "nearest", "wrap": "wrap", "fill": "constant"}
    d, h, w = (int(v) for v in rng.integers(2, 9, 3))
    k = np.round(rng.normal(0, 1, tuple(int(v) for v in rng.integers(1, 5, 3))), 3)
    img = rng.normal(0, 10, (d, h, w)).astype(np.float32)
    boundary = str(rng.choice(BOUNDARIES))
    value = float(np.round(rng.normal(0, 3), 2))
    anchor = [int(rng.integers(0, s)) for s in k.shape]
    op = str(rng.choice(["correlate", "convolve"]))
    algorithm = str(rng.choice(["Auto", "Direct", "FFT"]))
    kc, ac = (k, anchor) if op == "correlate" else (k[::-1, ::-1, ::-1], [s - 1 - a for s, a in zip(k.shape, anchor)])
    try:
        ref = ndimage.correlate(img.astype(np.float64), kc, mode=ndimage_mode[boundary], cval=value,
                                origin=[a - s // 2 for s, a in zip(k.shape, ac)])
    except ValueError:  # an origin ndimage does not take for an even size
        return None
    options = "kernel=%s mode=same boundary=%s value=%s anchor=[%d,%d,%d] algorithm=%s" % (
        kernel_text(k), boundary, value, anchor[2], anchor[1], anchor[0], algorithm)
    src, dst = os.path.join(tmp, "in3.tif"), os.path.join(tmp, "out3.tif")
    tifffile.imwrite(src, img, photometric="minisblack")
    code, err = run([op + "-nd", src, dst, options])
    if code != 0:
        return "%s-nd failed on %s: %s %s" % (op, img.shape, options, err)
    got = tifffile.imread(dst).astype(np.float64).reshape(ref.shape)
    err = np.max(np.abs(got - ref)) / max(1, np.max(np.abs(ref)))
    return None if err <= 1e-4 else "%s-nd %s on %s: relative difference %.3g" % (op, options, img.shape, err)


def match_reference(img, template, method):
    """SPEC's formulas in double, window by window (valid layout); a zero denominator scores 0 (1 for sqdiff_normed)."""
    th, tw = template.shape
    T = template.astype(np.float64).ravel()
    Tc = T - T.mean()
    out = np.zeros((img.shape[0] - th + 1, img.shape[1] - tw + 1))
    for y in range(out.shape[0]):
        for x in range(out.shape[1]):
            W = img[y:y + th, x:x + tw].astype(np.float64).ravel()
            Wc = W - W.mean()
            if method.startswith("sqdiff"):
                num, den = ((W - T) ** 2).sum(), np.sqrt((W * W).sum() * (T * T).sum())
            elif method.startswith("ccorr"):
                num, den = (W * T).sum(), np.sqrt((W * W).sum() * (T * T).sum())
            else:
                num, den = (Wc * Tc).sum(), np.sqrt((Wc * Wc).sum() * (Tc * Tc).sum())
            if not method.endswith("normed"):
                out[y, x] = num
            elif den > 0:
                out[y, x] = num / den
            else:
                out[y, x] = 1.0 if method == "sqdiff_normed" else 0.0
    return out


def check_match(rng, tmp):
    import cv2
    methods = {"sqdiff": cv2.TM_SQDIFF, "sqdiff_normed": cv2.TM_SQDIFF_NORMED, "ccorr": cv2.TM_CCORR,
               "ccorr_normed": cv2.TM_CCORR_NORMED, "ccoeff": cv2.TM_CCOEFF, "ccoeff_normed": cv2.TM_CCOEFF_NORMED}
    h, w = (int(v) for v in rng.integers(3, 40, 2))
    th, tw = (int(v) for v in rng.integers(1, min(h, w) + 1, 2))
    if th * tw < 2:
        return None
    img = (rng.random((h, w)) * 255).astype(np.float32)
    y0, x0 = int(rng.integers(0, h - th + 1)), int(rng.integers(0, w - tw + 1))
    template = img[y0:y0 + th, x0:x0 + tw] + rng.normal(0, 5, (th, tw)).astype(np.float32)
    method = str(rng.choice(list(methods)))
    src, tpl, scores = (os.path.join(tmp, n) for n in ("mi.tif", "mt.tif", "ms.tif"))
    tifffile.imwrite(src, img)
    tifffile.imwrite(tpl, template)
    code, err = run(["match-template", src, tpl, "--scores", scores, "method=%s mode=valid" % method])
    if code != 0:
        return "match-template %s failed: %s" % (method, err)
    got = tifffile.imread(scores).astype(np.float64).reshape(h - th + 1, w - tw + 1)
    exact = match_reference(img, template, method)
    opencv = cv2.matchTemplate(img, template, methods[method]).astype(np.float64)
    tolerance = 2e-3 if method.endswith("normed") else 1e-4
    scale = max(1, np.max(np.abs(exact)))
    err = np.max(np.abs(got - exact)) / scale
    if err > tolerance:
        return "match-template %s, %dx%d in %dx%d: relative difference %.3g from the formula" % (method, tw, th, w, h, err)
    # OpenCV agrees but where it caps sqdiff_normed at 1 or loses a small window variance to
    # cancellation (its sums of squares in float), where the formula is the judge
    off = np.abs(opencv - exact) / scale > tolerance
    if np.any(off & (np.abs(got - opencv) / scale > tolerance) & ~((method == "sqdiff_normed") & (exact >= 1))):
        CHECKS["opencv_off"] += int(off.sum())
    return None


CHECKS = {"opencv_off": 0}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", type=int, default=50, help="cases per family")
    ap.add_argument("--only", default="2d,3d,match")
    a = ap.parse_args()
    checks = {"2d": check_2d, "3d": check_3d, "match": check_match}
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for family in a.only.split(","):
            rng = np.random.default_rng(a.seed)
            bad = 0
            for _ in range(a.cases):
                problem = checks[family](rng, tmp)
                if problem:
                    print(family + ": " + problem)
                    bad += 1
            print("%s: %d cases, %d disagree" % (family, a.cases, bad))
            if family == "match" and CHECKS["opencv_off"]:
                print("match: OpenCV itself is off the formula at %d scores (float sums losing a small window variance)" % CHECKS["opencv_off"])
            failures += bad
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
