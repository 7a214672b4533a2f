"""The post-it wall (capture, clusters, dots), photos of paper walls, and recommendations."""
