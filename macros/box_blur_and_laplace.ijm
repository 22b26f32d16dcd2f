// Box blur and Laplace on the cameraman, as scipy.signal.convolve2d does them
// with its defaults: mode full (the result grows by the kernel size minus one)
// and zero fill outside the image. The image is first scaled to 0..1 and the
// results are shown clipped to 0..1, like np.clip(result, 0, 1); the pixel
// values themselves are kept, so the Laplacian's negative values are still
// there for measurements.

run("Open ConvolveJ Sample", "sample=cameraman");
rename("cameraman");
run("32-bit");
run("Divide...", "value=255");
setMinAndMax(0, 1);

// 3x3 box blur: every weight 1/9
selectImage("cameraman");
run("Convolve ND...", "kernel=[box(3)] mode=full boundary=fill value=0");
rename("cameraman-box-blur");
setMinAndMax(0, 1);

// Laplace edge detector
selectImage("cameraman");
run("Convolve ND...", "kernel=[0 1 0; 1 -4 1; 0 1 0] mode=full boundary=fill value=0");
rename("cameraman-laplace");
setMinAndMax(0, 1);

print("cameraman " + getWidth() + "x" + getHeight() + " (512x512 plus 2 in mode full)");
