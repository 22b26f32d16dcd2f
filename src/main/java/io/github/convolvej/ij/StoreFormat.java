package io.github.convolvej.ij;

import java.util.List;

import io.github.convolvej.core.Labelled;
import io.github.convolvej.core.Labels;

/**
 * What {@code output_folder=} is written as: a folder of 32-bit TIFF planes
 * ({@code plane_00000.tif}, ...) or a Zarr v2 array.
 */
public enum StoreFormat implements Labelled {
	TIFF_PLANES, ZARR;

	/** {@code TIFF planes} or {@code Zarr}. */
	@Override
	public String label() {
		return this == TIFF_PLANES ? "TIFF planes" : Labelled.super.label();
	}

	@Override
	public List< String > names() {
		return this == TIFF_PLANES ? List.of(label(), "tiff", "tif") : List.of(label());
	}

	/**
	 * Parses a label, ignoring case; {@code tiff} and {@code tif} are accepted too.
	 *
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static StoreFormat fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown output_format '" + t + "'. Use output_format=[TIFF planes] (a folder of 32-bit planes) or output_format=Zarr.");
	}
}
