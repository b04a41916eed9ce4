package dev.berth.node.snapshot;

import dev.berth.node.snapshot.SnapshotInfo.Kind;
import dev.berth.node.sys.Syscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Snapshots as overlayfs layers, laid out like containerd's overlay snapshotter:
 * {@code <root>/<n>/fs} is a snapshot's own files (the upper directory while it is active, a lower
 * directory once committed), {@code <root>/<n>/work} overlayfs' work directory, and
 * {@code <root>/<n>/snapshot.json} its metadata. Numeric directory names keep lowerdir lists within
 * the one page the kernel accepts. A directory without readable metadata is a crash leftover and is
 * removed at start; removal first renames a snapshot's directory away, so it vanishes atomically.
 */
public final class OverlaySnapshotter implements Snapshotter {

  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final String REMOVING = "removing-";

  private final Path root;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, SnapshotRecord> snapshots = new HashMap<>();
  /** Sizes of committed snapshots by ID, measured once: their files never change. */
  private final Map<Long, Long> committedSizes = new ConcurrentHashMap<>();
  private final UseWrites useWrites = new UseWrites();
  private long lastId;

  /**
   * Opens the snapshots under {@code root}, creating it, and removes crash leftovers. {@code root} is
   * marked a top directory ({@link Syscalls#markTopDirectory}), so that each snapshot's directories
   * land in a block group of their own: a container's snapshot and the work directory overlayfs
   * recreates at every mount are created and deleted again within seconds, and on an ext4 without
   * a journal each new inode is allocated past every one freed in its group in the last minutes.
   */
  public OverlaySnapshotter(Path root, Clock clock) throws IOException {
    this.root = Files.createDirectories(root);
    Syscalls.markTopDirectory(root);
    this.clock = clock;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path dir : entries) {
        String name = dir.getFileName().toString();
        SnapshotRecord record = ID.matcher(name).matches() && Files.isRegularFile(dir.resolve(SnapshotRecord.FILE))
            ? SnapshotRecord.read(dir) : null;
        if (record == null || record.id() != Long.parseLong(name)) {
          FileTrees.delete(dir);
        } else {
          snapshots.put(record.key(), record);
          lastId = Math.max(lastId, record.id());
        }
      }
    }
  }

  @Override
  public List<Mount> prepare(String key, String parent) {
    return create(key, parent, Kind.ACTIVE);
  }

  @Override
  public List<Mount> view(String key, String parent) {
    return create(key, parent, Kind.VIEW);
  }

  private List<Mount> create(String key, String parent, Kind kind) {
    requireKey(key);
    lock.lock();
    try {
      if (snapshots.containsKey(key)) {
        throw new SnapshotException.AlreadyExists(key);
      }
      SnapshotRecord parentRecord = parent == null ? null : committed(parent);
      Instant now = clock.instant();
      SnapshotRecord record = new SnapshotRecord(lastId + 1, key, kind, parent, now, now);
      List<Mount> mounts = mounts(record);
      Path dir = dir(record);
      Files.createDirectory(dir);
      Files.createDirectory(dir.resolve("fs"));
      if (kind == Kind.ACTIVE) {
        Files.createDirectory(dir.resolve("work"));
      }
      record.write(dir, false);
      lastId = record.id();
      snapshots.put(key, record);
      if (parentRecord != null) {
        use(parentRecord, now);
      }
      return mounts;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create snapshot " + key, e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void commit(String name, String key) {
    requireKey(name);
    lock.lock();
    try {
      SnapshotRecord record = existing(key);
      if (record.kind() != Kind.ACTIVE) {
        throw new SnapshotException.FailedPrecondition("snapshot " + key + " is " + record.kind() + ", not active");
      }
      if (snapshots.containsKey(name)) {
        throw new SnapshotException.AlreadyExists(name);
      }
      update(record.committedAs(name, clock.instant()), true);
      snapshots.remove(key);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Mount> mounts(String key) {
    lock.lock();
    try {
      SnapshotRecord record = existing(key);
      if (record.kind() == Kind.COMMITTED) {
        throw new SnapshotException.FailedPrecondition("snapshot " + key + " is committed: view it to mount it");
      }
      return mounts(record);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void remove(String key) {
    Path removing;
    lock.lock();
    try {
      SnapshotRecord record = existing(key);
      if (snapshots.values().stream().anyMatch(s -> key.equals(s.parent()))) {
        throw new SnapshotException.FailedPrecondition("snapshot " + key + " has children");
      }
      removing = detach(record);
    } finally {
      lock.unlock();
    }
    delete(removing);
  }

  @Override
  public boolean touch(String key) {
    lock.lock();
    try {
      SnapshotRecord record = snapshots.get(key);
      if (record != null) {
        use(record, clock.instant());
      }
      return record != null;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<SnapshotInfo> list() {
    List<SnapshotRecord> records;
    lock.lock();
    try {
      records = new ArrayList<>(snapshots.values());
    } finally {
      lock.unlock();
    }
    records.sort(Comparator.comparingLong(SnapshotRecord::id));
    return records.stream().map(r -> r.info(sizeOf(r))).toList();
  }

  @Override
  public long usage() {
    return list().stream().mapToLong(SnapshotInfo::size).sum();
  }

  @Override
  public List<String> prune(Instant unusedSince) {
    List<SnapshotRecord> removed = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    lock.lock();
    try {
      Set<String> kept = new HashSet<>();
      for (SnapshotRecord record : snapshots.values()) {
        if (record.kind() != Kind.COMMITTED || !record.used().isBefore(unusedSince)) {
          SnapshotRecord s = record;
          while (s != null && kept.add(s.key())) {
            s = snapshots.get(s.parent());
          }
        }
      }
      snapshots.values().stream().filter(s -> !kept.contains(s.key())).forEach(removed::add);
      removed.sort(Comparator.comparingInt(this::depth).reversed());
      for (SnapshotRecord record : removed) {
        dirs.add(detach(record));
      }
    } finally {
      lock.unlock();
    }
    dirs.forEach(this::delete);
    return removed.stream().map(SnapshotRecord::key).toList();
  }

  private List<Mount> mounts(SnapshotRecord record) {
    List<String> lowers = new ArrayList<>();
    for (String p = record.parent(); p != null; p = snapshots.get(p).parent()) {
      lowers.add(dir(snapshots.get(p)).resolve("fs").toString());
    }
    Path dir = dir(record);
    String fs = dir.resolve("fs").toString();
    List<Mount> mounts;
    if (record.kind() == Kind.ACTIVE) {
      mounts = lowers.isEmpty() ? List.of(new Mount(Mount.BIND, fs, List.of("rbind", "rw")))
          : List.of(new Mount(Mount.OVERLAY, Mount.OVERLAY, List.of("lowerdir=" + String.join(":", lowers),
              "upperdir=" + fs, "workdir=" + dir.resolve("work"))));
    } else if (lowers.size() < 2) {
      mounts = List.of(new Mount(Mount.BIND, lowers.isEmpty() ? fs : lowers.getFirst(), List.of("rbind", "ro")));
    } else {
      mounts = List.of(new Mount(Mount.OVERLAY, Mount.OVERLAY, List.of("lowerdir=" + String.join(":", lowers))));
    }
    int length = String.join(",", mounts.getFirst().options()).length();
    if (length > Mounts.MAX_DATA_LENGTH) {
      throw new SnapshotException.FailedPrecondition("snapshot " + record.key() + ": " + lowers.size()
          + " layers make overlay options of " + length + " bytes, more than the kernel's " + Mounts.MAX_DATA_LENGTH);
    }
    return mounts;
  }

  private int depth(SnapshotRecord record) {
    int depth = 0;
    for (String p = record.parent(); p != null; p = snapshots.get(p).parent()) {
      depth++;
    }
    return depth;
  }

  private SnapshotRecord existing(String key) {
    SnapshotRecord record = snapshots.get(key);
    if (record == null) {
      throw new SnapshotException.NotFound(key);
    }
    return record;
  }

  private SnapshotRecord committed(String key) {
    SnapshotRecord record = existing(key);
    if (record.kind() != Kind.COMMITTED) {
      throw new SnapshotException.FailedPrecondition("parent " + key + " is " + record.kind() + ", not committed");
    }
    return record;
  }

  private void update(SnapshotRecord record, boolean durable) {
    try {
      record.write(dir(record), durable);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the metadata of snapshot " + record.key(), e);
    }
    snapshots.put(record.key(), record);
  }

  /** Records a use: in memory, and on disk when {@link UseWrites} says it is due. */
  private void use(SnapshotRecord record, Instant now) {
    SnapshotRecord used = record.usedAt(now);
    if (useWrites.due(used.id(), now)) {
      update(used, false);
    } else {
      snapshots.put(used.key(), used);
    }
  }

  private Path detach(SnapshotRecord record) {
    Path removing = root.resolve(REMOVING + record.id());
    try {
      Files.move(dir(record), removing);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove snapshot " + record.key(), e);
    }
    snapshots.remove(record.key());
    committedSizes.remove(record.id());
    useWrites.forget(record.id());
    return removing;
  }

  private void delete(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + " (removed again at the next start)", e);
    }
  }

  /** Bytes of the snapshot's own files; a committed snapshot's files are walked once, an active one's every time. */
  private long sizeOf(SnapshotRecord record) {
    if (record.kind() == Kind.COMMITTED) {
      return committedSizes.computeIfAbsent(record.id(), id -> measure(record));
    }
    return measure(record);
  }

  private long measure(SnapshotRecord record) {
    try {
      return FileTrees.size(dir(record).resolve("fs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure snapshot " + record.key(), e);
    }
  }

  private Path dir(SnapshotRecord record) {
    return root.resolve(Long.toString(record.id()));
  }

  private static void requireKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a snapshot key must not be blank");
    }
  }
}
