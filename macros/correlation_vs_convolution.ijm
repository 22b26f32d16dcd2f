// Correlation versus convolution, with the article's asymmetric "ripple" kernel
// on the ascent image (scipy.signal.convolve2d and correlate2d, mode full, zero
// fill). Convolution flips the kernel; correlating with the kernel flipped on
// both axes therefore gives exactly the convolution: their difference is zero
// everywhere.

run("Open ConvolveJ Sample", "sample=ascent");
rename("ascent");
run("32-bit");
run("Divide...", "value=255");

run("Convolve ND...", "kernel=[0 -1 1.4142135623730951; 1 0 -1; -1.4142135623730951 1 0] mode=full boundary=fill value=0");
rename("ascent-convolved");
resetMinAndMax();

selectImage("ascent");
run("Correlate ND...", "kernel=[0 -1 1.4142135623730951; 1 0 -1; -1.4142135623730951 1 0] mode=full boundary=fill value=0");
rename("ascent-correlated");
resetMinAndMax();

// The ripple kernel turned by 180 degrees (flipped up-down and left-right)
selectImage("ascent");
run("Correlate ND...", "kernel=[0 1 -1.4142135623730951; -1 0 1; 1.4142135623730951 -1 0] mode=full boundary=fill value=0");
rename("ascent-correlated-flipped");
resetMinAndMax();

imageCalculator("Subtract create 32-bit", "ascent-convolved", "ascent-correlated-flipped");
rename("convolved-minus-correlated-flipped");
getStatistics(area, mean, min, max);
print("convolved - correlated with the flipped kernel: min " + min + ", max " + max + " (both 0)");
