import type { DocChange, DocReader, Projection } from '../read-model';
import { supervisionItems, supervisionProjects } from './supervision.document';
import { supervisionOfProject } from './supervision.project';
// enterprise requests (R17)
import { supervisionOfRequest, supervisionRequests } from './supervision.enterprise-request';
// Leading-group meetings' 交办 items (R20)
import { supervisionMeetings, supervisionOfMeeting } from './supervision.meeting';

/**
 * Supervision list (督办清单): every item an office follows to done, whatever raised it. Each
 * category's events are read in a file of their own (supervision.<category>.ts); all write items
 * of one shape into one collection, so the list, its filters and its exports stay one.
 */
export const supervisionProjection: Projection = {
  name: 'supervision',
  // 5: enterprise requests (R17); 6: weekly 包保 visits (R18); 7: leading-group meetings' 交办 items (R20)
  version: 7,
  categories: [
    'project',
    // enterprise requests (R17)
    'enterprise-request',
    // Leading-group meetings' 交办 items (R20)
    'meeting',
  ],
  collections: [
    supervisionItems,
    supervisionProjects,
    // enterprise requests (R17)
    supervisionRequests,
    // Leading-group meetings' 交办 items (R20)
    supervisionMeetings,
  ],
  apply: (docs: DocReader, decoded): ReadonlyArray<DocChange> => {
    switch (decoded.category) {
      case 'project':
        return supervisionOfProject(docs, decoded.event);
      // enterprise requests (R17): each round handed to a department, listed once overdue
      case 'enterprise-request':
        return supervisionOfRequest(docs, decoded.event);
      // Leading-group meetings' 交办 items (R20)
      case 'meeting':
        return supervisionOfMeeting(docs, decoded.event);
      default:
        return [];
    }
  },
};
