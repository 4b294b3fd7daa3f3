/**
 * The Jenkins glue of DevSecOps Scan: the {@code devSecOpsScan} Pipeline step, the build and job actions with their
 * pages and trend charts, and the global configuration. Every decision is made by the Jenkins-free engine
 * ({@code io.jenkins.plugins.devsecops.*}); classes here only adapt it to Jenkins.
 */
package io.jenkins.plugins.devsecops.jenkins;
