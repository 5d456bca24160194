package org.cometmq.store.index;

import org.cometmq.store.CommitLogDispatcher;
import org.cometmq.store.DispatchRequest;

/** Adds dispatched records' keys to the index. */
public class IndexDispatcher implements CommitLogDispatcher {

    private final IndexService indexService;

    public IndexDispatcher(IndexService indexService) {
        this.indexService = indexService;
    }

    @Override
    public void dispatch(DispatchRequest request) {
        indexService.buildIndex(request);
    }
}
