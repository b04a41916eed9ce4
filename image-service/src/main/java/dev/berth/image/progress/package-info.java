/**
 * Progress of pulls and pushes: the steps per layer and for the whole image, and the streamed
 * response that carries them to API clients in whatever line format their protocol uses.
 */
package dev.berth.image.progress;
