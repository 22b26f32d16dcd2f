// Missing data and physical units.
//
// 1. A 16-bit stack with a saturated region. Smoothing it as it is spreads a
//    bright halo around the region. Marking the region missing with a mask
//    (0 = missing) and nan=Interpolate smooths only what was measured and fills
//    the region from its surroundings: normalized convolution, as astropy's
//    convolve(..., nan_treatment='interpolate') does it.
// 2. Edge correction: boundary=fill value=0 darkens the border, since part of
//    the kernel reads zeros there. boundary=fill value=NaN says "outside is
//    missing", and nan=Interpolate divides by the kernel weight that lies on
//    the image. certainty shows that weight (1 inside, about 1/4 at a corner).
// 3. A Gaussian in micrometres on voxels of 0.1 x 0.1 x 0.3 um: scaled divides
//    the sigma by each axis's voxel size (gaussian(3, 3, 1) in pixels), so the
//    beads blur into round spots in space; the Log window says the kernel used.

run("Open ConvolveJ Sample", "sample=ascent");
rename("ascent");
run("16-bit");
w = getWidth();
h = getHeight();
newImage("cells", "16-bit black", w, h, 3);
for (z = 1; z <= 3; z++) {
	selectImage("ascent");
	run("Select All");
	run("Copy");
	selectImage("cells");
	setSlice(z);
	run("Paste");
	run("Multiply...", "value=" + (100 + 50 * z) + " slice");
}
run("Select None");
// the saturated region, and the mask that marks it missing
makeOval(w * 300 / 512, h * 150 / 512, w * 80 / 512, h * 60 / 512);
run("Set...", "value=65535 stack");
run("Select None");
newImage("valid", "8-bit white", w, h, 1);
makeOval(w * 300 / 512, h * 150 / 512, w * 80 / 512, h * 60 / 512);
run("Set...", "value=0");
run("Select None");

selectImage("cells");
run("Convolve ND...", "kernel=[gaussian(6)] mode=same boundary=symm value=0");
rename("cells-smoothed");
selectImage("cells");
run("Convolve ND...", "kernel=[gaussian(6)] mode=same boundary=symm value=0 nan=Interpolate mask=valid");
rename("cells-interpolated");

// edge correction
run("Open ConvolveJ Sample", "sample=cameraman");
rename("cameraman");
run("32-bit");
run("Convolve ND...", "kernel=[gaussian(8)] mode=same boundary=fill value=0");
rename("cameraman-zero-fill");
selectImage("cameraman");
run("Convolve ND...", "kernel=[gaussian(8)] mode=same boundary=fill value=NaN nan=Interpolate certainty");
rename("cameraman-edge-corrected");

// a Gaussian in micrometres on anisotropic voxels
newImage("beads", "32-bit black", 96, 96, 32);
run("Properties...", "channels=1 slices=32 frames=1 pixel_width=0.1 pixel_height=0.1 voxel_depth=0.3 unit=micron");
beads = newArray(24, 30, 8, 60, 48, 16, 40, 70, 24, 75, 20, 12);
for (i = 0; i < beads.length; i += 3) {
	setSlice(beads[i + 2] + 1);
	setPixel(beads[i], beads[i + 1], 1000);
}
run("Convolve ND...", "kernel=[gaussian(0.3)] mode=same boundary=nearest value=0 scaled");
rename("beads-scaled");
selectImage("beads");
run("Convolve ND...", "kernel=[gaussian(3,3,3)] mode=same boundary=nearest value=0");
rename("beads-pixels");
