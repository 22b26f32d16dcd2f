"""Writes the TIFF fixtures of the command-line tests with tifffile (run: python3 make_fixtures.py).

interleaved-float-rgb.tif: a valid TIFF that ImageJ's reader does not support
(32-bit float, three samples per pixel, interleaved), as numpy/tifffile write
an (h, w, 3) float32 array by default.
"""
import numpy as np
import tifffile

pixels = np.arange(4 * 5 * 3, dtype=np.float32).reshape(4, 5, 3)
tifffile.imwrite("interleaved-float-rgb.tif", pixels, photometric="rgb")
