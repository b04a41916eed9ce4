/**
 * Tests of Berth's deployment files: the Helm chart rendered with helm-java and read with the fabric8 model,
 * docker-compose.yml, and the service images Jib builds on a base image made on the machine — each checked
 * against the properties the services really read.
 */
package dev.berth.deploy;
