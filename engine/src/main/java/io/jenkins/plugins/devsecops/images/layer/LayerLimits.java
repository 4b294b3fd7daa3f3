package io.jenkins.plugins.devsecops.images.layer;

/**
 * Caps on reading one layer, against huge layers and decompression bombs.
 *
 * @param maxUncompressedBytes tar bytes read from one layer at most
 * @param maxCompressionRatio uncompressed bytes per compressed byte above which (past 64 MiB) the layer is treated
 *     as a decompression bomb
 * @param maxEntries entries of one layer at most
 * @param maxKeptFileBytes a file the inventory wants is kept only up to this size
 * @param maxKeptBytes the kept contents of one layer at most
 */
public record LayerLimits(long maxUncompressedBytes, int maxCompressionRatio, int maxEntries, long maxKeptFileBytes,
        long maxKeptBytes) {

    /** The defaults: 8 GiB, ratio 200, 1,000,000 entries, 128 MiB per kept file, 512 MiB kept per layer. */
    public static LayerLimits defaults() {
        return new LayerLimits(8L << 30, 200, 1_000_000, 128L << 20, 512L << 20);
    }
}
