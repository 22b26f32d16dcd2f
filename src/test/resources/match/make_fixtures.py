"""Writes the reference scores the masked template-matching tests compare with.

Run with the Python that has OpenCV 4.6 (Debian's /usr/bin/python3):
    /usr/bin/python3 make_fixtures.py
It rewrites opencv_masked.txt beside it: for each case the image, the
template, the 8-bit mask (0 = ignored), cv2.matchTemplate(image,
template, method, mask=mask) for all six methods (the valid layout;
"NaN" and "Inf" where OpenCV divides by zero), and the same formulas
evaluated window by window in float64 ("float64_" lines; NaN where the
denominator is exactly 0), since OpenCV computes in float32.

Arrays are written flat with x fastest (NumPy's C order on [y, x] arrays),
sizes x first, so the Java tests read them as ImgLib2 orders pixels.
"""
import os

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261204)
METHODS = ["TM_SQDIFF", "TM_SQDIFF_NORMED", "TM_CCORR", "TM_CCORR_NORMED", "TM_CCOEFF", "TM_CCOEFF_NORMED"]


def text(v):
    v = float(v)
    if np.isnan(v):
        return "NaN"
    if np.isinf(v):
        return "Inf" if v > 0 else "-Inf"
    return repr(v)


def flat(a):
    return " ".join(text(v) for v in np.asarray(a).ravel())


def sizes(a):
    return " ".join(str(s) for s in reversed(a.shape))


def reference(image, template, mask, method):
    """The documented masked formulas in float64, pixel by pixel; NaN where the denominator is 0."""
    I = image.astype(np.float64)
    T = template.astype(np.float64)
    M = (mask != 0).astype(np.float64)
    th, tw = T.shape
    out = np.empty((I.shape[0] - th + 1, I.shape[1] - tw + 1))
    n = M.sum()
    tm = (M * T).sum() / n
    Tc = M * (T - tm)
    for y in range(out.shape[0]):
        for x in range(out.shape[1]):
            W = I[y:y + th, x:x + tw]
            wm = (M * W).sum() / n
            Wc = M * (W - wm)
            if method == "TM_SQDIFF":
                r = (M * (W - T) ** 2).sum()
            elif method == "TM_SQDIFF_NORMED":
                d = np.sqrt((M * T * T).sum() * (M * W * W).sum())
                r = (M * (W - T) ** 2).sum() / d if d > 0 else np.nan
            elif method == "TM_CCORR":
                r = (M * W * T).sum()
            elif method == "TM_CCORR_NORMED":
                d = np.sqrt((M * T * T).sum() * (M * W * W).sum())
                r = (M * W * T).sum() / d if d > 0 else np.nan
            elif method == "TM_CCOEFF":
                r = (Wc * Tc).sum()
            else:
                d = np.sqrt((Tc * Tc).sum() * (Wc * Wc).sum())
                r = (Wc * Tc).sum() / d if d > 0 else np.nan
            out[y, x] = r
    return out


def case(name, image, template, mask):
    lines = ["case " + name,
             "image " + sizes(image) + " " + flat(image),
             "template " + sizes(template) + " " + flat(template),
             "mask " + sizes(mask) + " " + flat(mask)]
    for m in METHODS:
        r = cv2.matchTemplate(image, template, getattr(cv2, m), mask=mask)
        lines.append(m + " " + sizes(r) + " " + flat(r))
        ref = reference(image, template, mask, m)
        lines.append("float64_" + m + " " + sizes(ref) + " " + flat(ref))
    return lines


def main():
    lines = ["# OpenCV " + cv2.__version__ + " matchTemplate(image, template, method, mask=mask); written by make_fixtures.py"]

    # a textured image; the template cut from it and disturbed; a random mask
    image = rng.uniform(0, 1, (30, 36)).astype(np.float32)
    image = cv2.GaussianBlur(image, (3, 3), 0.8)
    template = image[9:18, 14:25].copy() + rng.normal(0, 0.05, (9, 11)).astype(np.float32)
    mask = (rng.uniform(0, 1, template.shape) > 0.3).astype(np.uint8)
    lines += case("textured", image, template, mask)

    # far from zero: the shift that keeps the sums accurate
    lines += case("offset", (image * 40 + 1000).astype(np.float32), (template * 40 + 1000).astype(np.float32), mask)

    # a flat patch of zeros in the image: OpenCV divides by zero there
    flat_image = image.copy()
    flat_image[4:22, 2:20] = 0
    ring = np.ones((7, 7), np.uint8)
    ring[2:5, 2:5] = 0
    lines += case("flat", flat_image, image[20:27, 24:31].copy(), ring)

    # a mask that leaves a flat template: the coefficient has nothing to correlate
    constant = np.full((5, 6), 0.5, np.float32)
    constant[0, 0] = 3
    keep = np.ones((5, 6), np.uint8)
    keep[0, 0] = 0
    lines += case("flat-template", image, constant, keep)

    with open(os.path.join(HERE, "opencv_masked.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
