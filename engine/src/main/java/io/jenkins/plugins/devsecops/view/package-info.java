/**
 * Jenkins-free view models the Jenkins plugin renders: the compact per-build summary kept in {@code build.xml},
 * the {@code failOn} severity threshold, the findings table with its filters, the trend series and the console
 * summary line. The plugin only adapts these to Jelly and ECharts; every decision is made and tested here.
 */
package io.jenkins.plugins.devsecops.view;
