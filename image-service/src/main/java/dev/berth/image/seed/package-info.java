/**
 * The seed images every quick start and later test uses: {@code busybox} and {@code httpd}, built
 * from Debian's busybox-static through the import path with fixed timestamps (so seeding again
 * gives the same image IDs), tagged {@code latest} and pushed to the default registry. Run it with
 * {@code java -jar image-service.jar --berth.image.seed=true}: it seeds and exits.
 */
package dev.berth.image.seed;
