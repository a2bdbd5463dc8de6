"""Events and stories over a stream: incremental clustering, titles, and a full rebuild."""

from newstrace.cluster.incremental import IncrementalClusterer
from newstrace.cluster.rebuild import recluster
from newstrace.cluster.similarity import ClusterParams

__all__ = ["ClusterParams", "IncrementalClusterer", "recluster"]
