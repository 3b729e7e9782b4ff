package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Msg;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.agrona.concurrent.QueuedPipe;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.SpmcArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * The bounded array queues compared with the bus, with how many producers each allows and whether several
 * consumers may take from it.
 */
public enum QueueKind {
    AGRONA_O2O("agrona-o2o", "Agrona OneToOneConcurrentArrayQueue", 1, false) {
        @Override MsgQueue create(int capacity) {
            return new AgronaQueue(new OneToOneConcurrentArrayQueue<>(capacity));
        }
    },
    AGRONA_M2O("agrona-m2o", "Agrona ManyToOneConcurrentArrayQueue", Integer.MAX_VALUE, false) {
        @Override MsgQueue create(int capacity) {
            return new AgronaQueue(new ManyToOneConcurrentArrayQueue<>(capacity));
        }
    },
    AGRONA_M2M("agrona-m2m", "Agrona ManyToManyConcurrentArrayQueue", Integer.MAX_VALUE, true) {
        @Override MsgQueue create(int capacity) {
            // Agrona requires at least 2 slots here.
            return new AgronaQueue(new ManyToManyConcurrentArrayQueue<>(Math.max(2, capacity)));
        }
    },
    JCTOOLS_SPSC("jctools-spsc", "JCTools SpscArrayQueue", 1, false) {
        @Override MsgQueue create(int capacity) {
            return new JcToolsQueue(new SpscArrayQueue<>(capacity));
        }
    },
    JCTOOLS_MPSC("jctools-mpsc", "JCTools MpscArrayQueue", Integer.MAX_VALUE, false) {
        @Override MsgQueue create(int capacity) {
            return new JcToolsQueue(new MpscArrayQueue<>(Math.max(2, capacity)));
        }
    },
    JCTOOLS_SPMC("jctools-spmc", "JCTools SpmcArrayQueue", 1, true) {
        @Override MsgQueue create(int capacity) {
            return new JcToolsQueue(new SpmcArrayQueue<>(Math.max(2, capacity)));
        }
    },
    JCTOOLS_MPMC("jctools-mpmc", "JCTools MpmcArrayQueue", Integer.MAX_VALUE, true) {
        @Override MsgQueue create(int capacity) {
            return new JcToolsQueue(new MpmcArrayQueue<>(Math.max(2, capacity)));
        }
    },
    ABQ("abq", "java.util.concurrent.ArrayBlockingQueue", Integer.MAX_VALUE, true) {
        @Override MsgQueue create(int capacity) {
            return new BlockingQueue(new ArrayBlockingQueue<>(capacity));
        }

        @Override public boolean blocks() {
            return true;
        }
    };

    private final String id;
    private final String title;
    private final int maxProducers;
    private final boolean multiConsumer;

    QueueKind(String id, String title, int maxProducers, boolean multiConsumer) {
        this.id = id;
        this.title = title;
        this.maxProducers = maxProducers;
        this.multiConsumer = multiConsumer;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public int maxProducers() {
        return maxProducers;
    }

    /** Whether several consumer threads may take from one queue, as a worker pool's workers do. */
    public boolean multiConsumer() {
        return multiConsumer;
    }

    /** Whether the queue itself can block a waiting thread (put / timed poll). */
    public boolean blocks() {
        return false;
    }

    abstract MsgQueue create(int capacity);

    /** Most queues round small sizes up; never fewer slots than this are really there. */
    static int realCapacity(int requested) {
        return Math.max(requested, 8);
    }

    private static final class AgronaQueue implements MsgQueue {
        private final QueuedPipe<Msg> q;

        AgronaQueue(QueuedPipe<Msg> q) {
            this.q = q;
        }

        @Override public boolean offer(Msg msg) {
            return q.offer(msg);
        }

        @Override public Msg poll() {
            return q.poll();
        }

        @Override public int drain(MsgSink sink, int limit) {
            return q.drain(sink, limit);
        }

        @Override public boolean isEmpty() {
            return q.isEmpty();
        }
    }

    private static final class JcToolsQueue implements MsgQueue {
        private final MessagePassingQueue<Msg> q;

        JcToolsQueue(MessagePassingQueue<Msg> q) {
            this.q = q;
        }

        @Override public boolean offer(Msg msg) {
            return q.offer(msg);
        }

        @Override public Msg poll() {
            return q.poll();
        }

        @Override public int drain(MsgSink sink, int limit) {
            return q.drain(sink, limit);
        }

        @Override public boolean isEmpty() {
            return q.isEmpty();
        }
    }

    private static final class BlockingQueue implements MsgQueue {
        private final ArrayBlockingQueue<Msg> q;

        BlockingQueue(ArrayBlockingQueue<Msg> q) {
            this.q = q;
        }

        @Override public boolean offer(Msg msg) {
            return q.offer(msg);
        }

        @Override public Msg poll() {
            return q.poll();
        }

        @Override public int drain(MsgSink sink, int limit) {
            // ArrayBlockingQueue has no drain-to-callback; poll one by one.
            int n = 0;
            Msg m;
            while (n < limit && (m = q.poll()) != null) {
                sink.accept(m);
                n++;
            }
            return n;
        }

        @Override public boolean isEmpty() {
            return q.isEmpty();
        }

        @Override public void put(Msg msg) throws InterruptedException {
            q.put(msg);
        }

        @Override public Msg poll(long timeout, TimeUnit unit) throws InterruptedException {
            return q.poll(timeout, unit);
        }
    }
}
