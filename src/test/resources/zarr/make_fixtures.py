"""Writes the Zarr v2 fixtures the tests read, with zarr-python (apt-get install python3-zarr).

Run with /usr/bin/python3 from this folder. Values are (z*131 + y*17 + x*3) % 251, scaled
by the dtype, so the tests compute them again instead of storing them."""
import numpy as np
import zarr
from numcodecs import Zlib, GZip

shape, chunks = (7, 13, 11), (3, 5, 4)
z, y, x = np.indices(shape)
base = (z * 131 + y * 17 + x * 3) % 251
for name, dtype, compressor, scale in [
    ("u1-none.zarr", "u1", None, 1),
    ("u2-zlib.zarr", "<u2", Zlib(level=1), 200),
    ("f4-gzip.zarr", "<f4", GZip(level=5), 0.25),
]:
    a = zarr.open(name, mode="w", shape=shape, chunks=chunks, dtype=dtype, compressor=compressor)
    a[:] = (base * scale).astype(dtype)
# (c, z, y, x) with one channel, as napari writes a single-channel image
a = zarr.open("czyx-u2.zarr", mode="w", shape=(1,) + shape, chunks=(1,) + chunks, dtype="<u2", compressor=Zlib(level=1))
a[:] = (base * 200).astype("<u2")[None]
