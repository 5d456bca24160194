package org.cometmq.common.consistenthash;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A consistent-hash ring: each physical node sits at {@code vNodeCount} positions, and a key belongs to the
 * first position at or after its own hash, wrapping around. Removing a node moves only the keys it owned.
 * Not thread-safe; build one per allocation.
 */
public class ConsistentHashRouter<T extends Node> {
    private final SortedMap<Long, VirtualNode<T>> ring = new TreeMap<>();
    private final HashFunction hashFunction;

    public ConsistentHashRouter(Collection<T> pNodes, int vNodeCount) {
        this(pNodes, vNodeCount, new Md5HashFunction());
    }

    public ConsistentHashRouter(Collection<T> pNodes, int vNodeCount, HashFunction hashFunction) {
        if (hashFunction == null) {
            throw new NullPointerException("hashFunction must not be null");
        }
        this.hashFunction = hashFunction;
        if (pNodes != null) {
            for (T pNode : pNodes) {
                addNode(pNode, vNodeCount);
            }
        }
    }

    /** Adds {@code vNodeCount} more positions for the node; a colliding position is taken over by the newest. */
    public void addNode(T pNode, int vNodeCount) {
        if (vNodeCount < 0) {
            throw new IllegalArgumentException("virtual node count must be >= 0, got " + vNodeCount);
        }
        int existingReplicas = getExistingReplicas(pNode);
        for (int i = 0; i < vNodeCount; i++) {
            VirtualNode<T> vNode = new VirtualNode<>(pNode, i + existingReplicas);
            ring.put(hashFunction.hash(vNode.getKey()), vNode);
        }
    }

    public void removeNode(T pNode) {
        Iterator<Map.Entry<Long, VirtualNode<T>>> it = ring.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().isVirtualNodeOf(pNode)) {
                it.remove();
            }
        }
    }

    /** The node owning {@code objectKey}, or {@code null} when the ring is empty. */
    public T routeNode(String objectKey) {
        if (ring.isEmpty()) {
            return null;
        }
        Long hash = hashFunction.hash(objectKey);
        SortedMap<Long, VirtualNode<T>> tail = ring.tailMap(hash);
        Long position = tail.isEmpty() ? ring.firstKey() : tail.firstKey();
        return ring.get(position).getPhysicalNode();
    }

    public int getExistingReplicas(T pNode) {
        int replicas = 0;
        for (VirtualNode<T> vNode : ring.values()) {
            if (vNode.isVirtualNodeOf(pNode)) {
                replicas++;
            }
        }
        return replicas;
    }
}
