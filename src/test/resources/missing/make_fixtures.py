"""Writes the reference values the missing-data and physical-units tests compare with.

Run with the Python that has astropy 5.2 and SciPy 1.10 (Debian's /usr/bin/python3):
    /usr/bin/python3 make_fixtures.py
It rewrites astropy_interpolate.txt and scipy_gaussian.txt beside it.

Arrays are written flat with x fastest (NumPy's C order on [z, y, x] arrays),
sizes x first, so the Java tests read them as ImgLib2 orders pixels.
"""
import os

import numpy as np
import scipy.ndimage as ndi
from astropy.convolution import convolve

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261203)


def flat(a):
    return " ".join("NaN" if np.isnan(v) else repr(float(v)) for v in np.asarray(a, float).ravel())


def sizes(a):
    return " ".join(str(s) for s in reversed(a.shape))


def astropy_cases():
    lines = []

    def case(name, image, kernel, boundary, fill, normalize, mask=None):
        kw = dict(nan_treatment="interpolate", normalize_kernel=normalize, preserve_nan=False)
        if boundary == "fill":
            kw.update(boundary="fill", fill_value=fill)
        else:
            kw.update(boundary=boundary)
        if mask is not None:
            kw.update(mask=(mask == 0))
        out = convolve(image, kernel, **kw)
        ours = {"fill": "fill", "extend": "nearest", "wrap": "wrap"}[boundary]
        lines.append("case %s boundary=%s value=%s normalize=%d" % (name, ours, "NaN" if np.isnan(fill) else repr(fill), normalize))
        lines.append("image %s %s" % (sizes(image), flat(image)))
        lines.append("mask " + ("-" if mask is None else flat(mask)))
        lines.append("kernel %s %s" % (sizes(kernel), flat(kernel)))
        lines.append("expected " + flat(out))

    image = rng.uniform(-5, 20, size=(7, 9)).round(3)
    for y, x in [(0, 0), (3, 4), (3, 5), (4, 4), (4, 5), (6, 8), (2, 8)]:
        image[y, x] = np.nan
    k3 = np.array([[1.0, 2.0, 0.5], [0.0, 4.0, 3.0], [1.5, 0.0, 0.25]])
    k53 = np.outer([1.0, 2.0, 1.0], [1.0, 4.0, 6.0, 4.0, 1.0]) + np.array([[0, 0, 0, 0, 2.0], [0] * 5, [0] * 5])
    for kname, k in [("k3", k3), ("k53", k53)]:
        for boundary, fill in [("fill", 0.0), ("fill", np.nan), ("extend", 0.0), ("wrap", 0.0)]:
            for normalize in (True, False):
                case("%s-%s-%s-%d" % (kname, boundary, "nan" if np.isnan(fill) else "0", normalize), image, k, boundary, fill, normalize)

    # a hole wider than the kernel: its middle has no present pixel under the kernel
    hole = rng.uniform(0, 10, size=(8, 8)).round(3)
    hole[2:6, 2:6] = np.nan
    case("hole", hole, k3, "fill", np.nan, True)

    # a mask on an image without NaN: 0 marks missing pixels
    masked = rng.uniform(0, 100, size=(6, 7)).round(2)
    mask = np.ones_like(masked)
    mask[1, 1] = mask[2, 1] = mask[4, 5] = mask[5, 6] = 0
    case("mask", masked, k3, "extend", 0.0, True, mask=mask)

    # 3-D: a volume with NaN and an anisotropic kernel
    vol = rng.uniform(0, 50, size=(5, 6, 7)).round(3)
    for z, y, x in [(0, 0, 0), (2, 3, 3), (2, 3, 4), (4, 5, 6), (1, 2, 0)]:
        vol[z, y, x] = np.nan
    k333 = rng.uniform(0.1, 2, size=(3, 3, 5)).round(2)
    case("volume-fill-nan", vol, k333, "fill", np.nan, True)
    case("volume-extend", vol, k333, "extend", 0.0, False)

    with open(os.path.join(HERE, "astropy_interpolate.txt"), "w") as f:
        f.write("# astropy %s convolve(..., nan_treatment='interpolate'); written by make_fixtures.py\n" % __import__("astropy").__version__)
        f.write("\n".join(lines) + "\n")


def scipy_gaussian_cases():
    """gaussian_filter(f, sigma=s/spacing, truncate=4, mode='nearest'): what scaled gaussian(s) must equal."""
    lines = []

    def case(name, image, sigma, spacing):
        out = ndi.gaussian_filter(image, sigma=[s / p for s, p in zip(sigma[::-1], spacing[::-1])], truncate=4.0, mode="nearest")
        lines.append("case %s sigma=%s spacing=%s" % (name, ",".join(repr(s) for s in sigma), ",".join(repr(p) for p in spacing)))
        lines.append("image %s %s" % (sizes(image), flat(image)))
        lines.append("expected " + flat(out))

    vol = rng.uniform(0, 1000, size=(7, 14, 18)).round(1)  # z, y, x
    # gaussian(1) on 0.1 x 0.1 x 0.3 um voxels: sigma 10, 10, 3.33 pixels
    case("anisotropic-3d", vol, (1.0, 1.0, 1.0), (0.1, 0.1, 0.3))
    case("three-sigmas", vol, (0.5, 0.8, 1.2), (0.25, 0.2, 0.6))
    plane = rng.uniform(0, 255, size=(24, 30)).round(0)
    case("plane", plane, (2.0, 2.0), (0.5, 0.8))
    with open(os.path.join(HERE, "scipy_gaussian.txt"), "w") as f:
        f.write("# scipy %s ndimage.gaussian_filter(f, sigma=s/spacing, truncate=4, mode='nearest'); written by make_fixtures.py\n" % __import__("scipy").__version__)
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    astropy_cases()
    scipy_gaussian_cases()
