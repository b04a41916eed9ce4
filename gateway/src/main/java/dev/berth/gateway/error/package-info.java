/**
 * The errors the gateway answers itself (a service down or too slow, no route for a path), each in
 * the format of the API the request was for: Docker's {@code {"message"}} with
 * {@code Content-Type: application/json} exactly, the OCI distribution spec's
 * {@code {"errors":[{"code","message","detail"}]}} on {@code /v2}, and RFC 9457 problem details on
 * Berth's native API. Errors of the services themselves pass through untouched.
 */
package dev.berth.gateway.error;
