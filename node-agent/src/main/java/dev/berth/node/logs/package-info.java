/**
 * Container logs on disk: conmon writes each container's stdout and stderr in the CRI "k8s-file"
 * format ({@code <RFC3339Nano time> <stdout|stderr> <F|P> <text>}, one record a line, {@code P} for a
 * line continued by the next record; see
 * <a href="https://github.com/containers/conmon/blob/main/src/ctr_logging.c">conmon's ctr_logging.c</a>
 * and the <a href="https://github.com/kubernetes/design-proposals-archive/blob/main/node/kubelet-cri-logging.md">CRI
 * logging proposal</a>). {@link dev.berth.node.logs.ContainerLogs} reads them (since, until, tail, stream
 * selection, follow across rotations); {@link dev.berth.node.logs.LogRotation} keeps them bounded like
 * Docker's json-file {@code max-size}/{@code max-file}, renaming the full file and asking conmon through
 * its control FIFO to reopen it, and hands out the conmon arguments for logging.
 */
package dev.berth.node.logs;
