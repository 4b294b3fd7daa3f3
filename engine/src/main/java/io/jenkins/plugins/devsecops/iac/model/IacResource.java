package io.jenkins.plugins.devsecops.iac.model;

import java.util.Objects;

/**
 * One declared piece of infrastructure: a Terraform resource or data source, a Kubernetes object, a CloudFormation
 * resource.
 *
 * @param platform the language it is written in
 * @param category what sort of declaration it is: {@code resource}, {@code data}, {@code provider} for Terraform;
 *        {@code object} for Kubernetes; {@code resource} for CloudFormation
 * @param type the resource type or kind, e.g. {@code aws_s3_bucket}, {@code Deployment}, {@code AWS::S3::Bucket}
 * @param name its name, e.g. {@code data}
 * @param address how users refer to it, e.g. {@code aws_s3_bucket.data} or {@code Deployment/web}
 * @param path the file it is declared in, relative to the scan root
 * @param line the line its declaration starts on
 * @param body its attributes: the block body, the whole object, or the {@code Properties}
 */
public record IacResource(IacPlatform platform, String category, String type, String name, String address,
        String path, int line, IacNode.Mapping body) {

    public IacResource {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        name = name == null ? "" : name;
        address = address == null ? type + "." + name : address;
        body = body == null ? IacNode.Mapping.empty(line) : body;
    }

    /** This resource with another address, e.g. prefixed by the module that instantiates it. */
    public IacResource withAddress(String newAddress) {
        return new IacResource(platform, category, type, name, newAddress, path, line, body);
    }

    /** This resource with another body, e.g. after variables were substituted. */
    public IacResource withBody(IacNode.Mapping newBody) {
        return new IacResource(platform, category, type, name, address, path, line, newBody);
    }
}
