package io.jenkins.plugins.devsecops.images.layer;

import java.util.List;
import java.util.Set;

/**
 * What one layer holds, read once from its stream: its entries (contents only of the files the inventory reads),
 * the paths its whiteouts delete from the layers below, the directories it makes opaque, and what went wrong.
 *
 * @param digest the layer digest the image names it by
 * @param entries the entries, the last of duplicates only
 * @param whiteouts paths deleted from lower layers ({@code .wh.<name>})
 * @param opaqueDirectories directories whose lower-layer content is hidden ({@code .wh..wh..opq})
 * @param errors problems with this layer (hostile names, truncation, limits): the layer is used as far as it was
 *     read
 * @param uncompressedBytes bytes of tar read
 */
public record LayerContents(String digest, List<LayerEntry> entries, Set<String> whiteouts,
        Set<String> opaqueDirectories, List<String> errors, long uncompressedBytes) {

    public LayerContents {
        entries = List.copyOf(entries);
        whiteouts = Set.copyOf(whiteouts);
        opaqueDirectories = Set.copyOf(opaqueDirectories);
        errors = List.copyOf(errors);
    }
}
