package io.jenkins.plugins.devsecops.iac.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DockerfileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile", "dockerfile", "Containerfile", "Dockerfile.prod", "Dockerfile.dev.arm64",
            "api.Dockerfile", "api.dockerfile", "Dockerfile_prod", "Dockerfile-alpine", "Containerfile.fedora"})
    void shouldTakeDockerfileNames(String name) {
        assertThat(DockerfileNames.isCandidate(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dockerfile.java", "Dockerfile.md", "Dockerfile.yaml", "Dockerfile.py", ".dockerfile",
            "Dockerfile.", "dockerfiles", "MyDockerfile", "docker-compose.yml", "Dockerfile_"})
    void shouldLeaveOtherNames(String name) {
        assertThat(DockerfileNames.isCandidate(name)).isFalse();
    }

    @Test
    void shouldRecogniseTheContentOfADockerfile() {
        assertThat(DockerfileNames.startsLikeDockerfile("FROM alpine:3.20\n")).isTrue();
        assertThat(DockerfileNames.startsLikeDockerfile("\uFEFF# comment\n\nARG BASE=alpine\nFROM $BASE\n")).isTrue();
        assertThat(DockerfileNames.startsLikeDockerfile("# syntax=docker/dockerfile:1\nFROM x\n")).isTrue();
        assertThat(DockerfileNames.startsLikeDockerfile("from alpine as build\n")).isTrue();
        assertThat(DockerfileNames.startsLikeDockerfile("package com.example;\n\npublic class Dockerfile {}\n"))
                .isFalse();
        assertThat(DockerfileNames.startsLikeDockerfile("# Notes\nRUN is documented here\n")).isFalse();
        assertThat(DockerfileNames.startsLikeDockerfile("")).isFalse();
    }
}
