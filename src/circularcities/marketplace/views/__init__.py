"""Marketplace pages: listings, exchanges, programme metrics, industrial parks."""

from circularcities.marketplace.views.business import (
    assess_business,
    business_detail,
    business_list,
)
from circularcities.marketplace.views.deals import (
    deal_accept,
    deal_counter,
    deal_decline,
    deal_detail,
    deal_list,
    deal_message,
    deal_withdraw,
    propose,
)
from circularcities.marketplace.views.exchanges import exchange_detail, exchange_list, record
from circularcities.marketplace.views.imports import import_example, import_listings
from circularcities.marketplace.views.listings import (
    create_listing,
    edit_listing,
    index,
    listing_detail,
    my_listings,
    withdraw,
)
from circularcities.marketplace.views.parks import (
    facility_delete,
    facility_form,
    flow_delete,
    flow_form,
    park_detail,
    park_edit,
    park_list,
    park_managers,
    park_new,
    park_registry,
)
from circularcities.marketplace.views.programme import (
    compatibility,
    matching_result,
    method,
    metrics,
    metrics_csv,
    metrics_xlsx,
    start_matching,
    weights,
)

__all__ = ["assess_business", "business_detail", "business_list", "compatibility", "create_listing", "deal_accept", "deal_counter", "deal_decline", "deal_detail",
           "deal_list", "deal_message", "deal_withdraw", "propose", "edit_listing", "exchange_detail", "exchange_list",
           "import_example", "import_listings", "index", "listing_detail", "matching_result", "method", "metrics", "metrics_csv", "metrics_xlsx",
           "my_listings", "park_detail", "park_list", "park_new", "park_edit", "park_managers", "park_registry",
           "facility_form", "facility_delete", "flow_form", "flow_delete", "record", "start_matching", "weights", "withdraw"]
