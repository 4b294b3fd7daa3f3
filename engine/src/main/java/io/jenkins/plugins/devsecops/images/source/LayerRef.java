package io.jenkins.plugins.devsecops.images.source;

import io.jenkins.plugins.devsecops.images.layer.LayerReader;

/**
 * One layer of a resolved image.
 *
 * @param digest the digest the layer is named and cached by
 * @param digestOf which bytes the digest is of
 * @param location where the source finds the blob (a path in an archive, or the digest for registries)
 * @param size the stored size, or -1 when unknown
 */
public record LayerRef(String digest, LayerReader.DigestOf digestOf, String location, long size) {
}
