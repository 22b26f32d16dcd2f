#!/usr/bin/python3
"""Times the ConvolveJ benchmark's workloads with SciPy and OpenCV, side by side.

Not part of the tests. Needs Debian's python3-scipy and python3-opencv
(apt-get install -y python3-scipy python3-opencv python3-skimage) and runs
with /usr/bin/python3. Give it the JSON that `./convolvej bench --json FILE`
wrote to print the ratios ConvolveJ / best other.

usage: /usr/bin/python3 bench/compare.py [--only W1,W3] [--threads 2] [--runs 7] [--convolvej FILE.json] [--reuse-outputs]

--reuse-outputs hands OpenCV's 2-D filters an output allocated once (dst=), to set
beside `./convolvej bench --via reuse`, which computes into targets allocated once.
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
from scipy import ndimage, signal

try:
    import cv2
except ImportError:  # OpenCV is optional
    cv2 = None
try:
    from skimage.feature import match_template
except ImportError:
    match_template = None

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "src", "main", "resources", "samples")


def rand(shape, seed=42):
    return np.random.default_rng(seed).random(shape, dtype=np.float32)


def rand_kernel(shape, seed=43):
    return (np.random.default_rng(seed).random(shape) * 2 - 1).astype(np.float32)


def gaussian_full(sigma):
    r = int(4 * sigma + 0.5)
    x = np.arange(-r, r + 1)
    g = np.exp(-x * x / (2 * sigma * sigma))
    g /= g.sum()
    return np.outer(g, g).astype(np.float32), g.astype(np.float32)


LAPLACE = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], np.float32)
EMBOSS = np.array([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]], np.float32)
SCHARR = np.array([[-3 - 3j, -10j, 3 - 3j], [-10, 0, 10], [-3 + 3j, 10j, 3 + 3j]], np.complex64)


# outputs kept between runs with --reuse-outputs, per slot and shape
REUSED = None


def dst(img, slot):
    if REUSED is None:
        return None
    return REUSED.setdefault((slot, img.shape), np.empty(img.shape, np.float32))


def cv_filter(img, k, slot="out"):
    # filter2D correlates; flip for a convolution. BORDER_REFLECT = symm.
    return cv2.filter2D(img, cv2.CV_32F, cv2.flip(k, -1), dst=dst(img, slot), borderType=cv2.BORDER_REFLECT)


def workloads():
    w = {}
    g25, g1 = gaussian_full(4)
    w["W1"] = (lambda: rand((4096, 4096)), {
        "scipy ndimage": lambda a: ndimage.convolve(a, LAPLACE, mode="reflect"),
        "opencv filter2D": lambda a: cv_filter(a, LAPLACE)})
    k9 = rand_kernel((9, 9))
    w["W2"] = (lambda: rand((4096, 4096)), {
        "scipy fftconvolve": lambda a: signal.fftconvolve(np.pad(a, 4, mode="symmetric"), k9, mode="valid"),
        "opencv filter2D": lambda a: cv_filter(a, k9)})
    k31 = rand_kernel((31, 31))
    w["W3"] = (lambda: rand((2048, 2048)), {
        "scipy fftconvolve": lambda a: signal.fftconvolve(np.pad(a, 15, mode="symmetric"), k31, mode="valid"),
        "opencv filter2D": lambda a: cv_filter(a, k31)})
    k333 = rand_kernel((3, 3, 3))
    w["W4"] = (lambda: rand((256, 256, 256)), {
        "scipy ndimage": lambda a: ndimage.convolve(a, k333, mode="reflect"),
        "opencv 3 filter2D per plane": lambda a: conv3d_cv(a, k333)})
    k999 = rand_kernel((9, 9, 9))
    w["W5"] = (lambda: rand((256, 256, 256)), {
        "scipy fftconvolve": lambda a: signal.fftconvolve(np.pad(a, 4, mode="symmetric"), k999, mode="valid"),
        "opencv 9 filter2D per plane": lambda a: conv3d_cv(a, k999)})
    w["W6"] = (lambda: rand((4096, 4096)), {
        "scipy 2 x correlate1d": lambda a: ndimage.correlate1d(ndimage.correlate1d(a, g1, axis=0, mode="reflect"), g1, axis=1, mode="reflect"),
        "opencv sepFilter2D": lambda a: cv2.sepFilter2D(a, cv2.CV_32F, g1, g1, dst=dst(a, "out"), borderType=cv2.BORDER_REFLECT)})
    w["W7"] = (lambda: rand((2048, 2048, 3)), {
        "scipy ndimage": lambda a: ndimage.convolve(a, EMBOSS[:, :, None], mode="reflect"),
        "opencv filter2D": lambda a: cv_filter(a, EMBOSS)})
    w["W8"] = (load_face, {
        "skimage match_template": lambda fe: match_template(fe[0], fe[1], pad_input=True, mode="symmetric"),
        "opencv matchTemplate": lambda fe: cv2.matchTemplate(fe[0], fe[1], cv2.TM_CCOEFF_NORMED)})
    w["W9"] = (lambda: rand((2048, 2048)), {
        "scipy convolve2d": lambda a: signal.convolve2d(a, SCHARR, mode="same", boundary="symm"),
        "opencv 2 real filter2D": lambda a: (cv_filter(a, SCHARR.real.copy(), "re"), cv_filter(a, SCHARR.imag.copy(), "im"))})
    w["W11"] = (volume_planes, {
        "dask map_overlap gaussian_filter": dask_volume})
    w["W15"] = (large_zarr, {
        "dask map_overlap gaussian_filter": dask_large})
    w["W12"] = (twelve_templates, {
        "skimage match_template x12": lambda it: [np.argwhere(match_template(it[0], t) >= 0.8) for t in it[1]],
        "opencv matchTemplate x12": lambda it: [np.argwhere(cv2.matchTemplate(it[0], t, cv2.TM_CCOEFF_NORMED) >= 0.8) for t in it[1]]})
    return w


def volume_planes():
    # ConvolveJ's W11: 512 x 512 x 64 float32 TIFF planes in a temporary folder
    import tempfile
    import tifffile
    root = tempfile.mkdtemp(prefix="convolvej-compare")
    planes = os.path.join(root, "planes")
    os.makedirs(planes)
    a = rand((64, 512, 512))
    for z in range(64):
        tifffile.imwrite(os.path.join(planes, "z%03d.tif" % z), a[z])
    return root


def dask_volume(root):
    # the same block plan in dask: blocks of 8 planes read lazily, overlap for the kernel,
    # gaussian_filter(sigma 1.5, truncate 4, nearest) per block, written to Zarr (zlib 1), 2 workers
    import glob
    import shutil
    import dask
    import dask.array as da
    import numcodecs
    import tifffile
    files = sorted(glob.glob(os.path.join(root, "planes", "*.tif")))
    planes = [da.from_delayed(dask.delayed(tifffile.imread)(f), (512, 512), np.float32) for f in files]
    vol = da.stack(planes).rechunk((8, 512, 512))
    out = vol.map_overlap(ndimage.gaussian_filter, depth=6, boundary="nearest", sigma=1.5, mode="nearest", truncate=4.0, dtype=np.float32)
    target = os.path.join(root, "out.zarr")
    shutil.rmtree(target, ignore_errors=True)
    with dask.config.set(scheduler="threads", num_workers=2):
        out.to_zarr(target, compressor=numcodecs.Zlib(level=1), overwrite=True)


def large_zarr():
    # ConvolveJ's W15: 1024 x 1024 x 512 uint16, chunks 32 x 256 x 256, zlib 1, the same values
    # (an integer function of the position; see LargeVolumeWorkload.value)
    import tempfile
    import numcodecs
    import zarr
    root = tempfile.mkdtemp(prefix="convolvej-compare-w15")
    a = zarr.open(os.path.join(root, "in.zarr"), mode="w", shape=(512, 1024, 1024), chunks=(32, 256, 256),
                  dtype="<u2", compressor=numcodecs.Zlib(level=1))
    for z0 in range(0, 512, 32):  # a chunk row at a time: each chunk written once
        z, y, x = np.mgrid[z0:z0 + 32, 0:1024, 0:1024].astype(np.int64)
        h = ((73856093 * x) ^ (19349663 * y) ^ (83492791 * z)) & 0xFFFF
        a[z0:z0 + 32] = ((((x - 512) ** 2 + (y - 512) ** 2) // 64 + 40 * z) % 3000 + h % 256).astype(np.uint16)
    return root


def dask_large(root):
    # the Zarr read lazily by its chunks, overlap 8 (the kernel's radius), gaussian_filter
    # (sigma 2, truncate 4, reflect = ConvolveJ's symm) per block in float32, written to Zarr
    # uncompressed (as ConvolveJ's --compressor none), 2 workers
    import shutil
    import dask
    import dask.array as da
    vol = da.from_zarr(os.path.join(root, "in.zarr")).astype(np.float32)
    out = vol.map_overlap(ndimage.gaussian_filter, depth=8, boundary="reflect", sigma=2, mode="reflect", truncate=4.0, dtype=np.float32)
    target = os.path.join(root, "out.zarr")
    shutil.rmtree(target, ignore_errors=True)
    with dask.config.set(scheduler="threads", num_workers=2):
        out.to_zarr(target, compressor=None, overwrite=True)


def twelve_templates():
    # 3 cuts of 48x48, each in its 4 quarter turns, as ConvolveJ's W12
    a = rand((2048, 2048))
    cuts = [a[y:y + 48, x:x + 48] for x, y in ((100, 200), (900, 1500), (1700, 400))]
    return a, [np.ascontiguousarray(np.rot90(c, k)) for c in cuts for k in range(4)]


def conv3d_cv(a, k):
    # a convolution over z as a sum of 2-D filters of shifted planes (symmetric padding)
    kz = k.shape[0]
    r = kz // 2
    p = np.pad(a, ((r, r), (0, 0), (0, 0)), mode="symmetric")
    out = np.zeros_like(a)
    for j in range(kz):
        kk = k[kz - 1 - j]
        for z in range(a.shape[0]):
            out[z] += cv_filter(p[z + j], kk)
    return out


def load_face():
    from PIL import Image  # python3-pil comes with scikit-image
    face = np.asarray(Image.open(os.path.join(SAMPLES, "raccoon-face-gray.png")), dtype=np.float32)
    eye = face[300:365, 670:750].copy()
    return face, eye


def timed(f, x, runs):
    f(x)
    f(x)
    t = []
    for _ in range(runs):
        t0 = time.perf_counter()
        f(x)
        t.append((time.perf_counter() - t0) * 1000)
    return statistics.median(t)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--convolvej", help="JSON written by ./convolvej bench --json FILE")
    ap.add_argument("--reuse-outputs", action="store_true", help="OpenCV's 2-D filters write into outputs allocated once")
    a = ap.parse_args()
    global REUSED
    REUSED = {} if a.reuse_outputs else None
    if cv2 is not None:
        cv2.setNumThreads(a.threads)
    ours = {}
    if a.convolvej:
        with open(a.convolvej) as f:
            ours = {r["id"]: r for r in json.load(f)}
    ids = [s.strip().upper() for s in a.only.split(",") if s.strip()] or list(workloads())
    print(f"{'id':4} {'tool':30} {'median ms':>10}")
    table = []
    for wid in ids:
        make, tools = workloads()[wid]
        x = make()
        best = None
        for name, f in tools.items():
            if ("opencv" in name and cv2 is None) or ("skimage" in name and match_template is None):
                continue
            ms = timed(f, x, a.runs)
            print(f"{wid:4} {name:30} {ms:10.1f}", flush=True)
            if best is None or ms < best[1]:
                best = (name, ms)
        if wid in ours:
            cj = ours[wid]["median_ms"]
            print(f"{wid:4} {'ConvolveJ (' + ours[wid]['engine'] + ')':30} {cj:10.1f}   ratio to {best[0]}: {cj / best[1]:.2f}")
            table.append((wid, best[0], best[1], cj, cj / best[1]))
    if table:
        print("\n| id | best other | its ms | ConvolveJ ms | ratio |\n|---|---|---|---|---|")
        for wid, name, ms, cj, r in table:
            print(f"| {wid} | {name} | {ms:.1f} | {cj:.1f} | {r:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
