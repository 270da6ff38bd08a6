"""``povsum serve``: the summarizer as an HTTP service (FastAPI + uvicorn, the ``serve`` extra).

``engine`` runs articles off the event loop, ``guards`` holds the middleware (body limit, access
log) and the token check, ``app`` the routes and error bodies, ``server`` starts uvicorn. Only
``app`` and ``server`` need FastAPI; importing this package does not import it.
"""

from povsum.service.options import ServiceOptions
from povsum.service.server import serve

__all__ = ["ServiceOptions", "serve"]
